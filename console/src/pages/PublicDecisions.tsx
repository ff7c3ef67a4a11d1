// 行政处罚决定公示: published decisions, personal data masked, for anyone.
import { Segmented, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { AGENCY, type Agency } from "../lib/enums";
import { dateTime } from "../lib/format";
import { Page, RequestError } from "../lib/ui";

const Decisions = graphql(`
  query PublicDecisions($agency: Agency!) {
    publishedDecisions(agency: $agency, first: 100) {
      totalCount
      edges {
        node { caseId agency domain partyName partyIdNumber partyRegistrationNo violation outcome fine measures decidedAt publishedAt late }
      }
    }
  }
`);

export default function PublicDecisions() {
  const { t } = useTranslation();
  const [agency, setAgency] = useState<Agency>("CULTURE");
  const [{ data, error, fetching }] = useQuery({ query: Decisions, variables: { agency } });
  return (
    <Page title={t("public.decisionsTitle")}>
      <Space style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t("draws.agency")}
          value={agency}
          onChange={(v) => setAgency(v as Agency)}
          options={AGENCY.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))}
        />
      </Space>
      <RequestError error={error} />
      <Table
        rowKey="caseId"
        loading={fetching}
        dataSource={data?.publishedDecisions.edges.map((e) => e!.node!) ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => t("public.decisionsTotal", { count: n }) }}
        columns={[
          { title: t("public.party"), dataIndex: "partyName" },
          { title: t("public.partyId"), render: (_, d) => d.partyIdNumber ?? d.partyRegistrationNo ?? "—" },
          { title: t("officers.domain"), dataIndex: "domain", render: (d) => t(`enums.EnforcementDomain.${d}`) },
          { title: t("public.violation"), dataIndex: "violation", render: (v) => v ?? "—" },
          { title: t("public.outcome"), dataIndex: "outcome", render: (o) => t(`enums.DecisionOutcome.${o}`) },
          { title: t("public.fine"), dataIndex: "fine", render: (f) => (f == null ? "—" : t("public.yuan", { amount: f })) },
          { title: t("public.decidedAt"), dataIndex: "decidedAt", render: (d) => dateTime(d) },
          { title: t("public.publishedAt"), dataIndex: "publishedAt", render: (d) => dateTime(d) },
        ]}
      />
    </Page>
  );
}
