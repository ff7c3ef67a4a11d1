// 执法人员: search form over the roster, server totals and page numbers, Excel export.
import { Button, Form, Input, InputNumber, Select, Space, Table, App } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { OfficerFilter } from "../gql/graphql";
import { token } from "../lib/auth";
import { AGENCY, DOMAIN, OFFICER_STATUS } from "../lib/enums";
import { date } from "../lib/format";
import { allowed } from "../lib/roles";
import { EnumTag, Page, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";

const PAGE_SIZE = 20;
const FIELDS = ["namePrefix", "agency", "domain", "status", "expiringWithinDays", "reviewDueWithinDays"] as const;
const NUMBERS = new Set(["expiringWithinDays", "reviewDueWithinDays"]);

const OfficersPage = graphql(`
  query OfficersPage($filter: OfficerFilter, $offset: Int, $limit: Int) {
    officerPage(filter: $filter, offset: $offset, limit: $limit) {
      totalCount
      nodes {
        id
        name
        agency
        status
        certificate { number domains validUntil status nextReviewDue }
      }
    }
  }
`);

function filterFrom(params: URLSearchParams): OfficerFilter {
  const filter: Record<string, string | number> = {};
  for (const name of FIELDS) {
    const value = params.get(name);
    if (value) filter[name] = NUMBERS.has(name) ? Number(value) : value;
  }
  return filter as OfficerFilter;
}

export default function Officers() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useUser();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const filter = filterFrom(params);
  const page = Number(params.get("page") || 1);
  const [{ data, fetching, error }] = useQuery({
    query: OfficersPage,
    variables: { filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
  });

  const search = (values: Record<string, unknown>) => {
    const next = new URLSearchParams();
    for (const name of FIELDS) {
      const value = values[name];
      if (value !== undefined && value !== null && value !== "") next.set(name, String(value));
    }
    setParams(next);
  };

  const exportXlsx = async () => {
    const query = new URLSearchParams(params);
    query.delete("page");
    const r = await fetch(`/exports/officers.xlsx?${query}`, { headers: { Authorization: `Bearer ${token()}` } });
    if (!r.ok) {
      message.error(t("officers.exportFailed"));
      return;
    }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await r.blob());
    link.download = "officers.xlsx";
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <Page
      title={t("officers.title")}
      extra={
        <Space>
          <Button onClick={exportXlsx}>{t("officers.export")}</Button>
          {allowed(user?.roles, "officerAdmin") && (
            <>
              <Button onClick={() => navigate("/officers/import-exams")}>{t("officers.importExams")}</Button>
              <Button type="primary" onClick={() => navigate("/officers/new")}>
                {t("officers.register")}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Form form={form} layout="inline" initialValues={filter} onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="namePrefix" label={t("officers.name")}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="agency" label={t("officers.agency")}>
          <Select allowClear style={{ width: 140 }} options={AGENCY.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))} />
        </Form.Item>
        <Form.Item name="domain" label={t("officers.domain")}>
          <Select
            allowClear
            style={{ width: 160 }}
            options={DOMAIN.map((d) => ({ value: d, label: t(`enums.EnforcementDomain.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t("officers.status")}>
          <Select
            allowClear
            style={{ width: 140 }}
            options={OFFICER_STATUS.map((s) => ({ value: s, label: t(`enums.OfficerStatus.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="expiringWithinDays" label={t("officers.expiringWithin")}>
          <InputNumber min={0} max={3660} style={{ width: 100 }} suffix={t("officers.days")} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t("officers.search")}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setParams(new URLSearchParams());
              }}
            >
              {t("officers.reset")}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <RequestError error={error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={data?.officerPage.nodes ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.officerPage.totalCount ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t("officers.total", { count: total }),
          onChange: (p) => {
            const next = new URLSearchParams(params);
            next.set("page", String(p));
            setParams(next);
          },
        }}
        columns={[
          { title: t("officers.name"), dataIndex: "name", render: (name, o) => <Link to={`/officers/${o.id}`}>{name}</Link> },
          { title: t("officers.agency"), dataIndex: "agency", render: (a) => t(`enums.Agency.${a}`) },
          { title: t("officers.status"), dataIndex: "status", render: (s) => <EnumTag kind="OfficerStatus" value={s} /> },
          { title: t("officers.certificate"), render: (_, o) => o.certificate?.number ?? t("officers.noCertificate") },
          {
            title: t("officers.certificateStatus"),
            render: (_, o) => <EnumTag kind="CertificateStatus" value={o.certificate?.status} />,
          },
          {
            title: t("officers.domains"),
            render: (_, o) => (o.certificate?.domains ?? []).map((d) => t(`enums.EnforcementDomain.${d}`)).join("、") || "—",
          },
          { title: t("officers.validUntil"), render: (_, o) => date(o.certificate?.validUntil) },
          { title: t("officers.reviewDue"), render: (_, o) => date(o.certificate?.nextReviewDue) },
        ]}
      />
    </Page>
  );
}
