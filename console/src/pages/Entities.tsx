// 检查对象名录: both agencies' directories (an officer sees their own agency's), searched
// by name, category and risk level, with each entity's inspection count; an entity's page
// shows its inspection history.
import { Button, Card, Descriptions, Form, Input, Segmented, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { Agency, EntityCategory, RiskLevel } from "../gql/graphql";
import { AGENCY } from "../lib/enums";
import { dateTime } from "../lib/format";
import { allowed } from "../lib/roles";
import { FilterButtons, usePageNumbers } from "../lib/paging";
import { EnumTag, Page, RED, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";
import EntityImport from "./EntityImport";

export const CATEGORIES: Record<string, EntityCategory[]> = {
  CULTURE: ["ENTERTAINMENT_VENUE", "INTERNET_CAFE", "PERFORMANCE_VENUE", "PUBLICATION_OUTLET", "TRAVEL_AGENCY", "SCENIC_SPOT"],
  TRANSPORT: ["PASSENGER_OPERATOR", "COACH_OPERATOR", "VEHICLE", "DRIVER"],
};
const RISKS: RiskLevel[] = ["LOW", "MEDIUM", "HIGH", "FLAGGED"];
const ORANGE = "#b45309";
const RISK_COLOURS: Record<string, string> = { HIGH: ORANGE, FLAGGED: RED };

const EntitiesPage = graphql(`
  query EntitiesPage($agency: Agency!, $namePrefix: String, $category: EntityCategory, $riskLevel: RiskLevel, $first: Int, $offset: Int) {
    enforcementEntities(agency: $agency, namePrefix: $namePrefix, category: $category, riskLevel: $riskLevel, first: $first, offset: $offset) {
      totalCount
      edges { node { id agency name category domain riskLevel inspectionCount lastInspectedAt } }
    }
  }
`);
const EntityDetail = graphql(`
  query EntityDetail($agency: Agency!, $id: ID!) {
    enforcementEntity(agency: $agency, id: $id) {
      id agency name category domain registrationNo riskLevel naturalPerson address licence plate inspectionCount lastInspectedAt
      inspections(first: 50) { edges { node { id kind performedAt officers { name } findings { description } } } }
    }
  }
`);

export function RiskTag({ value }: { value: string }) {
  const { t } = useTranslation();
  return <Tag color={RISK_COLOURS[value] ?? "default"}>{t(`enums.RiskLevel.${value}`)}</Tag>;
}

export default function Entities() {
  const { t } = useTranslation();
  const { user } = useUser();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const fixed = user?.roles.includes("enforcement_officer") ? (user.agency as Agency | undefined) : undefined;
  const agency = (fixed ?? params.get("agency") ?? user?.agency ?? "CULTURE") as Agency;
  const namePrefix = params.get("name") || undefined;
  const category = (params.get("category") || undefined) as EntityCategory | undefined;
  const riskLevel = (params.get("risk") || undefined) as RiskLevel | undefined;
  const pages = usePageNumbers(20, [agency, namePrefix, category, riskLevel]);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: EntitiesPage,
    variables: { agency, namePrefix, category, riskLevel, first: pages.first, offset: pages.offset },
  });
  const page = data?.enforcementEntities;
  const search = (v: Record<string, unknown>) => {
    const next = new URLSearchParams({ agency });
    for (const [k, value] of Object.entries(v)) if (value) next.set(k, String(value));
    setParams(next);
  };
  return (
    <Page
      title={t("entities.title")}
      extra={
        !fixed && (
          <Segmented
            aria-label={t("entities.agency")}
            value={agency}
            onChange={(v) => setParams(new URLSearchParams({ agency: String(v) }))}
            options={AGENCY.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))}
          />
        )
      }
    >
      <Form form={form} layout="inline" name="entity-filter" initialValues={{ name: namePrefix, category, risk: riskLevel }} onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="name" label={t("entities.name")}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="category" label={t("entities.category")}>
          <Select allowClear style={{ width: 150 }} options={CATEGORIES[agency].map((c) => ({ value: c, label: t(`enums.EntityCategory.${c}`) }))} />
        </Form.Item>
        <Form.Item name="risk" label={t("entities.risk")}>
          <Select allowClear style={{ width: 120 }} options={RISKS.map((r) => ({ value: r, label: t(`enums.RiskLevel.${r}`) }))} />
        </Form.Item>
        <FilterButtons search={t("entities.search")} reset={t("entities.reset")} onReset={() => { form.resetFields(); setParams(new URLSearchParams({ agency })); }} />
      </Form>
      {fixed && <EntityImport agency={fixed} onDone={() => refetch({ requestPolicy: "network-only" })} />}
      <RequestError error={error} />
      <div data-testid="entity-list">
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={(page?.edges ?? []).map((e) => e!.node!)}
        pagination={pages.table(page?.totalCount, (count) => t("entities.total", { count }))}
        columns={[
          { title: t("entities.name"), dataIndex: "name", render: (n, e) => <Link to={`/entities/${e.agency}/${e.id}`}>{n}</Link> },
          { title: t("entities.category"), dataIndex: "category", render: (c) => t(`enums.EntityCategory.${c}`) },
          { title: t("entities.domain"), dataIndex: "domain", render: (d) => t(`enums.EnforcementDomain.${d}`) },
          { title: t("entities.risk"), dataIndex: "riskLevel", render: (r) => <RiskTag value={r} /> },
          { title: t("entities.inspections"), dataIndex: "inspectionCount" },
          { title: t("entities.lastInspected"), dataIndex: "lastInspectedAt", render: (d) => dateTime(d) },
        ]}
      />
      </div>
    </Page>
  );
}

export function EntityPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const navigate = useNavigate();
  const { agency = "CULTURE", id = "" } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: EntityDetail, variables: { agency: agency as Agency, id } });
  const e = data?.enforcementEntity;
  if (!e) return <Page title={fetching ? id : t("entities.notFound")}><RequestError error={error} /></Page>;
  const canInspect = allowed(user?.roles, "recordInspection") && user?.agency === e.agency;
  return (
    <Page
      title={e.name}
      extra={canInspect && <Button type="primary" onClick={() => navigate(`/inspections/new?agency=${e.agency}&entity=${e.id}`)}>{t("entities.inspect")}</Button>}
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t("entities.category")}>{t(`enums.EntityCategory.${e.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t("entities.domain")}>{t(`enums.EnforcementDomain.${e.domain}`)}</Descriptions.Item>
          <Descriptions.Item label={t("entities.registrationNo")}>{e.registrationNo}</Descriptions.Item>
          <Descriptions.Item label={t("entities.risk")}><RiskTag value={e.riskLevel} /></Descriptions.Item>
          <Descriptions.Item label={t("entities.address")}>{e.address ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("entities.licence")}>{e.licence ?? e.plate ?? "—"}</Descriptions.Item>
          {e.naturalPerson && <Descriptions.Item label={t("entities.naturalPerson")}>{t("cases.yes")}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t("entities.history")}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={e.inspections.edges.map((x) => x!.node!)}
          columns={[
            { title: t("inspections.performedAt"), dataIndex: "performedAt", render: (d) => dateTime(d) },
            { title: t("inspections.kind"), dataIndex: "kind", render: (k) => <EnumTag kind="InspectionKind" value={k} /> },
            { title: t("inspections.officers"), render: (_, i) => i.officers.map((o) => o.name).join("、") },
            { title: t("inspections.findings"), render: (_, i) => i.findings.map((f) => f.description).join("；") || t("inspections.noFindings") },
          ]}
        />
      </Card>
    </Page>
  );
}
