// 行政处罚案件: the agency's cases with filters (state, domain, major, overdue), newest
// filing first, page by page; overdue marks from the service's deadline sweep.
import { Button, Checkbox, Form, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { Agency, CaseState, EnforcementDomain } from "../gql/graphql";
import { CASE_STATE } from "../lib/cases";
import { AGENCY, DOMAIN, DOMAIN_AGENCY } from "../lib/enums";
import { date, dateTime } from "../lib/format";
import { allowed } from "../lib/roles";
import { FilterButtons, usePageNumbers } from "../lib/paging";
import { EnumTag, Page, RED, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";
import { WorkdaysTag } from "../lib/workdays";

const PAGE_SIZE = 20;

const CasesPage = graphql(`
  query CasesPage($agency: Agency!, $state: CaseState, $domain: EnforcementDomain, $major: Boolean, $first: Int, $offset: Int) {
    enforcementCases(agency: $agency, state: $state, domain: $domain, major: $major, first: $first, offset: $offset) {
      totalCount
      edges { node { id agency domain state major violationCode filedAt decisionDue publicationDue overdue deadlines { kind due workingDaysLeft overdue met } party { name } entity { name } } }
    }
  }
`);

const OverdueCases = graphql(`
  query OverdueCases($agency: Agency!) {
    overdueEnforcementDeadlines(agency: $agency, first: 100) {
      totalCount
      edges { node { kind due case { id agency domain state major violationCode filedAt decisionDue publicationDue overdue deadlines { kind due workingDaysLeft overdue met } party { name } entity { name } } } }
    }
  }
`);

export default function Cases() {
  const { t } = useTranslation();
  const { user } = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const fixedAgency = user?.agency as Agency | undefined;
  const agency = (fixedAgency ?? params.get("agency") ?? "CULTURE") as Agency;
  const state = (params.get("state") || undefined) as CaseState | undefined;
  const domain = (params.get("domain") || undefined) as EnforcementDomain | undefined;
  const major = params.get("major") ? params.get("major") === "true" : undefined;
  const overdue = params.get("overdue") === "true";
  const pages = usePageNumbers(PAGE_SIZE, [agency, state, domain, major]);
  const [list] = useQuery({
    query: CasesPage,
    variables: { agency, state, domain, major, first: pages.first, offset: pages.offset },
    pause: overdue,
  });
  const [late] = useQuery({ query: OverdueCases, variables: { agency }, pause: !overdue });

  const lateRows = [
    ...new Map(
      (late.data?.overdueEnforcementDeadlines.edges ?? []).map((e) => [e!.node!.case.id, e!.node!.case]),
    ).values(),
  ].filter((c) => (!state || c.state === state) && (!domain || c.domain === domain) && (major === undefined || c.major === major));
  const rows = overdue ? lateRows : (list.data?.enforcementCases.edges ?? []).map((e) => e!.node!);
  const total = overdue ? lateRows.length : (list.data?.enforcementCases.totalCount ?? 0);

  const search = (values: Record<string, unknown>) => {
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined && value !== null && value !== "" && value !== false) next.set(name, String(value));
    }
    setParams(next);
  };
  const initial = { agency, state, domain, major: params.get("major") ?? undefined, overdue };

  return (
    <Page
      title={t("cases.title")}
      extra={
        allowed(user?.roles, "fileCase") && (
          <Button type="primary" onClick={() => navigate("/cases/new")}>
            {t("cases.file")}
          </Button>
        )
      }
    >
      <Form form={form} layout="inline" initialValues={initial} onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="agency" label={t("cases.agency")}>
          <Select
            disabled={!!fixedAgency}
            style={{ width: 130 }}
            options={AGENCY.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="state" label={t("cases.state")}>
          <Select allowClear style={{ width: 140 }} options={CASE_STATE.map((s) => ({ value: s, label: t(`enums.CaseState.${s}`) }))} />
        </Form.Item>
        <Form.Item name="domain" label={t("cases.domain")}>
          <Select
            allowClear
            style={{ width: 150 }}
            options={DOMAIN.filter((d) => DOMAIN_AGENCY[d] === agency).map((d) => ({ value: d, label: t(`enums.EnforcementDomain.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="major" label={t("cases.major")}>
          <Select
            allowClear
            style={{ width: 100 }}
            options={[
              { value: "true", label: t("cases.yes") },
              { value: "false", label: t("cases.no") },
            ]}
          />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{t("cases.overdue")}</Checkbox>
        </Form.Item>
        <FilterButtons search={t("cases.search")} reset={t("cases.reset")} onReset={() => { form.resetFields(); setParams(new URLSearchParams()); }} />
      </Form>
      <RequestError error={overdue ? late.error : list.error} />
      <Table
        rowKey="id"
        loading={overdue ? late.fetching : list.fetching}
        dataSource={rows}
        // the overdue list is one list in hand (at most 100), paged here
        pagination={overdue ? { pageSize: PAGE_SIZE, showSizeChanger: false, showTotal: (count) => t("cases.total", { count }) } : pages.table(total, (count) => t("cases.total", { count }))}
        columns={[
          { title: t("cases.id"), dataIndex: "id", render: (id) => <Link to={`/cases/${id}`}>{id}</Link> },
          { title: t("cases.party"), render: (_, c) => c.entity?.name ?? c.party.name },
          {
            title: t("cases.violation"),
            dataIndex: "violationCode",
            render: (v) => (v ? t(`enums.ViolationCode.${v}`) : "—"),
          },
          { title: t("cases.state"), dataIndex: "state", render: (s) => <EnumTag kind="CaseState" value={s} /> },
          { title: t("cases.major"), dataIndex: "major", render: (m) => (m ? <Tag color={RED}>{t("cases.major")}</Tag> : t("cases.no")) },
          { title: t("cases.filedAt"), dataIndex: "filedAt", render: (d) => dateTime(d) },
          {
            title: t("cases.deadline"),
            render: (_, c) => (
              <Space size={4} wrap>
                {date(c.publicationDue ?? c.decisionDue)}
                {c.overdue.map((k) => (
                  <Tag key={k} color={RED} data-testid="overdue">
                    {t(k === "DECISION" ? "cases.overdueDecision" : "cases.overduePublication")}
                  </Tag>
                ))}
                {c.deadlines.filter((d) => !d.met).slice(-1).map((d) => <WorkdaysTag key={d.kind} d={d} />)}
              </Space>
            ),
          },
        ]}
      />
    </Page>
  );
}
