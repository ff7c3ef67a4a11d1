// 联合执法行动: the operations, newest window first.
import { Button, Select, Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { JointOperationStatus } from "../gql/graphql";
import { OPERATION_STATUS } from "../lib/enums";
import { dateTime } from "../lib/format";
import { allowed } from "../lib/roles";
import { EnumTag, Page, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";

const List = graphql(`
  query OperationList($status: JointOperationStatus) {
    jointOperations(status: $status, first: 100) {
      totalCount
      edges { node { id name status agencies leadAgency startsAt endsAt alerts(first: 1) { totalCount } } }
    }
  }
`);

export default function Operations() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useUser();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") as JointOperationStatus) || null;
  const [{ data, error, fetching }] = useQuery({ query: List, variables: { status } });
  return (
    <Page
      title={t("operations.title")}
      extra={
        allowed(user?.roles, "planOperation") && (
          <Button type="primary" onClick={() => navigate("/operations/new")}>
            {t("operations.plan")}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="op-status">{t("operations.status")}</label>
        <Select
          id="op-status"
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={(v) => setParams(v ? { status: v } : {})}
          options={OPERATION_STATUS.map((s) => ({ value: s, label: t(`enums.JointOperationStatus.${s}`) }))}
        />
      </Space>
      <RequestError error={error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={data?.jointOperations.edges.map((e) => e!.node!) ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => t("operations.total", { count: n }) }}
        columns={[
          { title: t("operations.name"), dataIndex: "name", render: (v, op) => <Link to={`/operations/${op.id}`}>{v}</Link> },
          { title: t("operations.status"), dataIndex: "status", render: (s) => <EnumTag kind="JointOperationStatus" value={s} /> },
          { title: t("operations.lead"), dataIndex: "leadAgency", render: (a) => t(`enums.Agency.${a}`) },
          { title: t("operations.window"), render: (_, op) => `${dateTime(op.startsAt)} – ${dateTime(op.endsAt)}` },
          { title: t("operations.alerts"), render: (_, op) => op.alerts.totalCount },
        ]}
      />
    </Page>
  );
}
