// 双随机抽查: the draws, newest first, with status and results due.
import { Button, Select, Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { DrawStatus } from "../gql/graphql";
import { DRAW_STATUS } from "../lib/enums";
import { date } from "../lib/format";
import { allowed } from "../lib/roles";
import { EnumTag, Page, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";

const List = graphql(`
  query DrawList($status: DrawStatus) {
    draws(status: $status, first: 100) {
      totalCount
      edges { node { id title kind status inspectionDate resultsDue resultsOverdue entityCount inspectorCount } }
    }
  }
`);

export default function Draws() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useUser();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") as DrawStatus) || null;
  const [{ data, error, fetching }] = useQuery({ query: List, variables: { status } });
  return (
    <Page
      title={t("draws.title")}
      extra={
        allowed(user?.roles, "drawAdmin") && (
          <Button type="primary" onClick={() => navigate("/draws/new")}>
            {t("draws.create")}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="draw-status">{t("draws.status")}</label>
        <Select
          id="draw-status"
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={(v) => setParams(v ? { status: v } : {})}
          options={DRAW_STATUS.map((s) => ({ value: s, label: t(`enums.DrawStatus.${s}`) }))}
        />
      </Space>
      <RequestError error={error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={data?.draws.edges.map((e) => e!.node!) ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => t("draws.total", { count: n }) }}
        columns={[
          { title: t("draws.name"), dataIndex: "title", render: (v, d) => <Link to={`/draws/${d.id}`}>{v}</Link> },
          { title: t("draws.kind"), dataIndex: "kind", render: (k) => t(`enums.DrawKind.${k}`) },
          { title: t("draws.status"), dataIndex: "status", render: (s) => <EnumTag kind="DrawStatus" value={s} /> },
          { title: t("draws.inspectionDate"), dataIndex: "inspectionDate", render: (d) => date(d) },
          {
            title: t("draws.resultsDue"),
            render: (_, d) => <span style={{ color: d.resultsOverdue ? "#b91c1c" : undefined }}>{date(d.resultsDue)}</span>,
          },
          { title: t("draws.entities"), dataIndex: "entityCount", render: (n) => n ?? "—" },
          { title: t("draws.inspectors"), dataIndex: "inspectorCount", render: (n) => n ?? "—" },
        ]}
      />
    </Page>
  );
}
