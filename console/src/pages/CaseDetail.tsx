// One case: the lifecycle as steps, the next allowed action, deadlines with overdue marks,
// legal reviews, decision, service, publication, the justice-bureau filing, the
// full-process record and its chain check.
import { Alert, Card, Col, Descriptions, Empty, Row, Space, Steps, Table, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import i18n from "../i18n";
import { actions, CASE_STATE } from "../lib/cases";
import { WorkdaysTag, type CaseDeadline } from "../lib/workdays";
import { date, dateTime } from "../lib/format";
import { EnumTag, GREEN, Page, RED, RequestError } from "../lib/ui";
import { CaseActions } from "./CaseActions";

export const CaseQuery = graphql(`
  query CaseDetail($id: ID!) {
    enforcementCase(id: $id) {
      id agency domain state kind major complex violationCode filedAt decisionDue publicationDue overdue closedAt
      deadlines { kind due workingDaysLeft overdue met }
      party { name naturalPerson consentMethods }
      entity { id name category }
      body { name }
      filedBy { subject }
      officers { id name }
      compulsoryMeasures { measure at items reason }
      legalReviews {
        stage submittedAt outcome reviewerId reviewedAt opinion
        proposal { outcome violationCode circumstance fine measures firstViolation minorHarm correctedInTime transferTo reason }
      }
      decision {
        decidedAt major legalReviewApproved justiceFilingRequired publicationRequired
        draft { outcome violationCode circumstance fine measures firstViolation minorHarm correctedInTime transferTo reason }
      }
      serviceAttempts { document method address at receivedAt }
      publication { publishedAt due late channel }
      justiceFiling { filedAt reference }
      timeline { seq action at officerIds hash actor { subject } }
      recordCheck { intact index reason entries }
    }
  }
`);

// The lifecycle as steps; LEGAL_REVIEW sits between rights notice and decision.
const STEPS = CASE_STATE;

function Deadline({ d, kind }: { d?: CaseDeadline; kind: string }) {
  const { t } = useTranslation();
  if (!d) return <>—</>;
  return (
    <Space size={4} wrap>
      {date(d.due)}
      <Typography.Text type="secondary">{t(kind === "DECISION" ? "cases.calendarDays" : "cases.workingDays", { count: kind === "DECISION" ? 90 : 7 })}</Typography.Text>
      {d.overdue && (
        <Tag color={RED} data-testid="deadline-overdue">
          {t(kind === "DECISION" ? "cases.overdueDecision" : "cases.overduePublication")} · {t("cases.workdaysOver", { count: Math.max(0, -(d.workingDaysLeft ?? 0)) })}
        </Tag>
      )}
      {!d.overdue && <WorkdaysTag d={d} />}
    </Space>
  );
}

function actionLabel(action: string) {
  return i18n.exists(`enums.RecordAction.${action}`) ? i18n.t(`enums.RecordAction.${action}`) : action;
}

export default function CaseDetail() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [{ data, error, fetching }, refresh] = useQuery({ query: CaseQuery, variables: { id } });
  const c = data?.enforcementCase;
  if (!c) {
    return (
      <Page title={fetching ? id : t("cases.notFound")}>
        <RequestError error={error} />
      </Page>
    );
  }
  const current = STEPS.indexOf(c.state as (typeof STEPS)[number]);
  const next = actions(c);
  const names = Object.fromEntries(c.officers.map((o) => [o.id, o.name]));
  const who = (ids: readonly string[]) => ids.map((i) => names[i] ?? i).join("、");
  const draft = c.decision?.draft;
  return (
    <Page
      title={`${c.entity?.name ?? c.party.name} · ${c.violationCode ? t(`enums.ViolationCode.${c.violationCode}`) : c.id}`}
      extra={
        <Space>
          <EnumTag kind="CaseState" value={c.state} />
          {(c.major || c.complex) && <Tag color={RED}>{t("cases.major")}</Tag>}
        </Space>
      }
    >
      <RequestError error={error} />
      <Card title={t("cases.lifecycle")} size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={current}
          status={c.state === "CLOSED" ? "finish" : "process"}
          items={STEPS.map((s) => ({ title: t(`enums.CaseState.${s}`) }))}
        />
        <Alert
          style={{ marginTop: 16 }}
          type={next.length ? "info" : "success"}
          showIcon
          data-testid="next-action"
          title={next.length ? t("cases.nextAction", { action: t(`caseActions.${next[0]}`) }) : t("cases.noAction")}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t("cases.basics")} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("cases.id")}>{c.id}</Descriptions.Item>
              <Descriptions.Item label={t("cases.party")}>{c.party.name}</Descriptions.Item>
              <Descriptions.Item label={t("cases.domain")}>{t(`enums.EnforcementDomain.${c.domain}`)}</Descriptions.Item>
              <Descriptions.Item label={t("cases.kind")}>{t(`enums.EnforcementCaseKind.${c.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t("cases.body")}>{c.body?.name ?? t(`enums.Agency.${c.agency}`)}</Descriptions.Item>
              <Descriptions.Item label={t("cases.filedAt")}>
                {dateTime(c.filedAt)}
                {t("cases.filedByNote", { who: c.filedBy.subject })}
              </Descriptions.Item>
              <Descriptions.Item label={t("cases.caseOfficers")}>{c.officers.map((o) => o.name).join("、") || "—"}</Descriptions.Item>
              <Descriptions.Item label={t("cases.decisionDue")}>
                <Deadline d={c.deadlines.find((x) => x.kind === "DECISION")} kind="DECISION" />
              </Descriptions.Item>
              <Descriptions.Item label={t("cases.publicationDue")}>
                <Deadline d={c.deadlines.find((x) => x.kind === "PUBLICATION")} kind="PUBLICATION" />
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t("cases.reviews")} size="small" style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey={(r) => `${r.stage}-${r.submittedAt}`}
              pagination={false}
              dataSource={[...c.legalReviews]}
              locale={{ emptyText: t("cases.noReviews") }}
              columns={[
                { title: t("cases.stage"), dataIndex: "stage", render: (s) => t(`enums.LegalReviewStage.${s}`) },
                { title: t("cases.submittedAt"), dataIndex: "submittedAt", render: (d) => dateTime(d) },
                {
                  title: t("cases.reviewOutcome"),
                  dataIndex: "outcome",
                  render: (o) => (o ? <Tag color={o === "APPROVED" ? GREEN : RED}>{t(`enums.LegalReviewOutcome.${o}`)}</Tag> : <Tag>{t("cases.pending")}</Tag>),
                },
                { title: t("cases.reviewedAt"), dataIndex: "reviewedAt", render: (d) => dateTime(d) },
                { title: t("cases.opinion"), dataIndex: "opinion", render: (o) => o || "—" },
                {
                  title: t("cases.proposal"),
                  render: (_, r) =>
                    r.proposal
                      ? [t(`enums.DecisionOutcome.${r.proposal.outcome}`), r.proposal.fine != null ? t("cases.yuan", { amount: r.proposal.fine }) : null,
                          ...r.proposal.measures.map((m) => t(`enums.PenaltyMeasure.${m}`))].filter(Boolean).join("，")
                      : "—",
                },
              ]}
            />
          </Card>
          <Card title={t("cases.decision")} size="small" style={{ marginBottom: 16 }}>
            {draft && c.decision ? (
              <Descriptions column={1} size="small" data-testid="decision">
                <Descriptions.Item label={t("cases.outcome")}>{t(`enums.DecisionOutcome.${draft.outcome}`)}</Descriptions.Item>
                <Descriptions.Item label={t("cases.circumstance")}>
                  {draft.circumstance ? t(`enums.DecisionCircumstance.${draft.circumstance}`) : "—"}
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.fine")}>{draft.fine != null ? t("cases.yuan", { amount: draft.fine }) : "—"}</Descriptions.Item>
                <Descriptions.Item label={t("cases.measures")}>{draft.measures.map((m) => t(`enums.PenaltyMeasure.${m}`)).join("、") || "—"}</Descriptions.Item>
                <Descriptions.Item label={t("cases.decidedAt")}>{dateTime(c.decision.decidedAt)}</Descriptions.Item>
                <Descriptions.Item label={t("cases.justiceRequired")}>{c.decision.justiceFilingRequired ? t("cases.yes") : t("cases.no")}</Descriptions.Item>
                <Descriptions.Item label={t("cases.publicationRequired")}>{c.decision.publicationRequired ? t("cases.yes") : t("cases.no")}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description={t("cases.noDecision")} />
            )}
          </Card>
          <Card title={t("cases.service")} size="small" style={{ marginBottom: 16 }}>
            {c.party.consentMethods.length > 0 && (
              <p>
                {t("cases.labelled", { label: t("cases.consent"), value: c.party.consentMethods.map((m) => t(`enums.ServiceMethod.${m}`)).join("、") })}
              </p>
            )}
            <Table
              size="small"
              rowKey="at"
              pagination={false}
              dataSource={[...c.serviceAttempts]}
              locale={{ emptyText: t("cases.noService") }}
              columns={[
                { title: t("cases.method"), dataIndex: "method", render: (m) => t(`enums.ServiceMethod.${m}`) },
                { title: t("cases.address"), dataIndex: "address", render: (a) => a || "—" },
                { title: t("cases.attemptedAt"), dataIndex: "at", render: (d) => dateTime(d) },
                { title: t("cases.receivedAt"), dataIndex: "receivedAt", render: (d) => (d ? dateTime(d) : t("cases.notReceived")) },
              ]}
            />
          </Card>
          <Card title={`${t("cases.publication")} · ${t("cases.justice")}`} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("cases.publication")}>
                {c.publication ? (
                  <Space>
                    {dateTime(c.publication.publishedAt)}
                    {c.publication.channel}
                    <Tag color={c.publication.late ? RED : GREEN}>{t(c.publication.late ? "cases.late" : "cases.inTime")}</Tag>
                  </Space>
                ) : (
                  t("cases.notPublished")
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("cases.justice")}>
                {c.justiceFiling ? `${c.justiceFiling.reference} · ${dateTime(c.justiceFiling.filedAt)}` : t("cases.notFiled")}
              </Descriptions.Item>
              {c.compulsoryMeasures.length > 0 && (
                <Descriptions.Item label={t("cases.compulsory")}>
                  {c.compulsoryMeasures.map((m) => `${t(`enums.CompulsoryMeasureKind.${m.measure}`)}（${m.items.join("、")}）`).join("；")}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <CaseActions facts={c} onDone={() => refresh({ requestPolicy: "network-only" })} />
          <Card title={t("cases.record")} size="small" style={{ marginBottom: 16 }}>
            <Alert
              type={c.recordCheck.intact ? "success" : "error"}
              showIcon
              data-testid="record-check"
              style={{ marginBottom: 16 }}
              title={t("cases.labelled", {
                label: t("cases.recordCheck"),
                value: c.recordCheck.intact
                  ? t("cases.intact", { count: c.recordCheck.entries })
                  : t("cases.broken", { index: c.recordCheck.index ?? 0, reason: c.recordCheck.reason ?? "" }),
              })}
            />
            <Timeline
              items={c.timeline.map((e) => ({
                key: e.seq,
                content: (
                  <>
                    <strong>{actionLabel(e.action)}</strong> · {dateTime(e.at)}
                    <br />
                    <Typography.Text type="secondary">
                      {e.actor.subject}
                      {e.officerIds.length > 0 ? ` · ${who(e.officerIds)}` : ""}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
