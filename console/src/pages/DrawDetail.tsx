// One draw: its rules, commit → reveal → publish results, assignments, verification.
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import { errorText } from "../i18n";
import { date, dateTime } from "../lib/format";
import { allowed } from "../lib/roles";
import { EnumTag, Page, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";
import { Verification } from "./Verification";

const Detail = graphql(`
  query DrawDetail($id: ID!) {
    draw(id: $id) {
      id title kind status agencies domains inspectionDate inspectionsEnd createdAt
      seedCommitment committedAt seed revealedAt resultsDue resultsPublishedOn resultsOverdue
      entityCount inspectorCount
      rules { tierRates { tier rate } flaggedRate minInspectors }
      assignments(first: 100) {
        totalCount
        edges { node { entityId agency category tier flagged inspectors { id name } } }
      }
    }
  }
`);
const Commit = graphql(`mutation CommitDraw($id: ID!) { commitDraw(id: $id) { draw { id status } errors { code message field } } }`);
const Reveal = graphql(`mutation RevealDraw($id: ID!) { revealDraw(id: $id) { draw { id status } errors { code message field } } }`);
const Publish = graphql(`mutation PublishDrawResults($id: ID!) { publishDrawResults(id: $id) { draw { id status } errors { code message field } } }`);

const NEXT: Record<string, "commit" | "reveal" | "publish" | undefined> = {
  CREATED: "commit",
  COMMITTED: "reveal",
  REVEALED: "publish",
};

export default function DrawDetail() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { modal } = App.useApp();
  const { user } = useUser();
  const [{ data, error }, refetch] = useQuery({ query: Detail, variables: { id } });
  const [, commit] = useMutation(Commit);
  const [, reveal] = useMutation(Reveal);
  const [, publish] = useMutation(Publish);
  const [refusal, setRefusal] = useState<string | null>(null);
  const draw = data?.draw;
  const next = draw ? NEXT[draw.status] : undefined;

  const step = () => {
    if (!next) return;
    modal.confirm({
      title: t(`draws.${next}.title`),
      content: t(`draws.${next}.consequence`),
      okText: t(`draws.${next}.button`),
      cancelText: t("form.cancel"),
      onOk: async () => {
        const r = next === "commit" ? await commit({ id }) : next === "reveal" ? await reveal({ id }) : await publish({ id });
        const data = r.data as Record<string, { errors: { code: string; message: string }[] }> | undefined;
        const errors = data ? Object.values(data).find((v) => typeof v === "object")?.errors ?? [] : [];
        setRefusal(errors.length ? errors.map((e) => errorText(e.code, e.message)).join("；") : r.error ? errorText("INTERNAL_ERROR") : null);
        refetch({ requestPolicy: "network-only" });
      },
    });
  };

  return (
    <Page
      title={draw?.title ?? t("draws.title")}
      extra={
        draw && next && allowed(user?.roles, "drawAdmin") && (
          <Button type="primary" onClick={step}>
            {t(`draws.${next}.button`)}
          </Button>
        )
      }
    >
      <RequestError error={error} />
      {refusal && <Alert type="error" role="alert" title={refusal} style={{ marginBottom: 16 }} />}
      {draw && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card>
              <Descriptions column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label={t("draws.status")}>
                  <EnumTag kind="DrawStatus" value={draw.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t("draws.kind")}>{t(`enums.DrawKind.${draw.kind}`)}</Descriptions.Item>
                <Descriptions.Item label={t("draws.agencies")}>{draw.agencies.map((a) => t(`enums.Agency.${a}`)).join("、")}</Descriptions.Item>
                <Descriptions.Item label={t("draws.domains")}>
                  {draw.domains.map((d) => t(`enums.EnforcementDomain.${d}`)).join("、")}
                </Descriptions.Item>
                <Descriptions.Item label={t("draws.inspectionDate")}>
                  {date(draw.inspectionDate)} – {date(draw.inspectionsEnd)}
                </Descriptions.Item>
                <Descriptions.Item label={t("draws.resultsDue")}>{date(draw.resultsDue)}</Descriptions.Item>
                <Descriptions.Item label={t("draws.rates")}>
                  {draw.rules.tierRates.map((r) => `${t(`enums.RiskLevel.${r.tier}`)} ${r.rate}`).join("、")}
                </Descriptions.Item>
                <Descriptions.Item label={t("draws.committedAt")}>{dateTime(draw.committedAt)}</Descriptions.Item>
                <Descriptions.Item label={t("draws.revealedAt")}>{dateTime(draw.revealedAt)}</Descriptions.Item>
                <Descriptions.Item label={t("draws.commitment")} span={3}>
                  <Typography.Text code copyable={!!draw.seedCommitment}>
                    {draw.seedCommitment ?? "—"}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          {draw.status !== "CREATED" && draw.status !== "COMMITTED" && (
            <Col span={24}>
              <Card title={t("draws.assignments", { count: draw.assignments.totalCount })}>
                <Table
                  rowKey="entityId"
                  size="small"
                  dataSource={draw.assignments.edges.map((e) => e!.node!)}
                  columns={[
                    { title: t("draws.entity"), dataIndex: "entityId" },
                    { title: t("draws.agency"), dataIndex: "agency", render: (a) => t(`enums.Agency.${a}`) },
                    { title: t("draws.category"), dataIndex: "category", render: (c) => t(`enums.EntityCategory.${c}`) },
                    { title: t("draws.tier"), dataIndex: "tier", render: (c) => t(`enums.RiskLevel.${c}`) },
                    {
                      title: t("draws.inspectors"),
                      render: (_, a) => a.inspectors.map((o) => o?.name ?? "—").join("、"),
                    },
                  ]}
                />
              </Card>
            </Col>
          )}
          {(draw.status === "REVEALED" || draw.status === "RESULTS_PUBLISHED") && (
            <Col span={24}>
              <Space direction="vertical" style={{ width: "100%" }}>
                <Verification drawId={draw.id} />
              </Space>
            </Col>
          )}
        </Row>
      )}
    </Page>
  );
}
