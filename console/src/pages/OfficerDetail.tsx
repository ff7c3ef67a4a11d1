// 执法人员详情: certificate, exams, sanctions, the effective-dated history as a timeline,
// a "qualified at…" checker, and (for administrators of the officer's agency) actions.
import { Button, Card, Col, DatePicker, Descriptions, Form, Result, Row, Select, Space, Table, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useClient, useQuery } from "urql";
import { graphql } from "../gql";
import { DOMAIN } from "../lib/enums";
import { date, dateTime, shanghaiIso } from "../lib/format";
import { EnumTag, Page, RequestError, GREEN, RED } from "../lib/ui";
import { useUser } from "../lib/user";
import { OfficerActions } from "./OfficerActions";

const Detail = graphql(`
  query OfficerDetail($id: ID!, $withHistory: Boolean!) {
    officerRecord(id: $id) {
      id
      name
      agency
      status
      idNumber
      certificate { number domains validFrom validUntil status nextReviewDue }
      certificates { number domains validFrom validUntil status issuedAt revokedAt }
    }
    officerHistory(officerId: $id) @include(if: $withHistory) {
      entries { seq kind effectiveAt recordedAt cause certificateNo data }
    }
  }
`);

const Check = graphql(`
  query QualifiedAt($id: ID!, $domain: EnforcementDomain!, $at: DateTime) {
    officerQualification(officerId: $id, domain: $domain, at: $at) { qualified reasons at certificateNo }
  }
`);

function QualifiedAt({ officerId }: { officerId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [answer, setAnswer] = useState<{ qualified: boolean; reasons: string[]; at: string } | null>(null);
  const ask = async (v: { domain: string; at?: dayjs.Dayjs }) => {
    const r = await client
      .query(Check, { id: officerId, domain: v.domain as never, at: v.at ? shanghaiIso(v.at) : null }, { requestPolicy: "network-only" })
      .toPromise();
    const q = r.data?.officerQualification;
    if (q) setAnswer({ qualified: q.qualified, reasons: [...q.reasons], at: q.at });
  };
  return (
    <Card title={t("officer.checker")}>
      <Form layout="inline" onFinish={ask} style={{ rowGap: 8 }}>
        <Form.Item name="domain" label={t("officer.domain")} rules={[{ required: true, message: t("form.required") }]}>
          <Select style={{ width: 160 }} options={DOMAIN.map((d) => ({ value: d, label: t(`enums.EnforcementDomain.${d}`) }))} />
        </Form.Item>
        <Form.Item name="at" label={t("officer.at")}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" placeholder={t("officer.now")} />
        </Form.Item>
        <Button htmlType="submit">{t("officer.check")}</Button>
      </Form>
      {answer && (
        <div role="status" data-testid="qualification" style={{ marginTop: 16 }}>
          {answer.qualified ? (
            <Tag color={GREEN}>{t("officer.qualifiedAt", { at: dateTime(answer.at) })}</Tag>
          ) : (
            <Space direction="vertical">
              <Tag color={RED}>{t("officer.notQualifiedAt", { at: dateTime(answer.at) })}</Tag>
              {answer.reasons.map((r) => (
                <Typography.Text key={r}>{t(`enums.QualificationReason.${r}`)}</Typography.Text>
              ))}
            </Space>
          )}
        </div>
      )}
    </Card>
  );
}

export default function OfficerDetail() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { user } = useUser();
  const withHistory = Boolean(user?.roles.some((r) => r === "certification_admin" || r === "accountability_officer"));
  const [{ data, error, fetching }, refetch] = useQuery({ query: Detail, variables: { id, withHistory } });
  const officer = data?.officerRecord;
  if (!fetching && data && !officer) return <Result status="404" title={<h1 style={{ fontSize: 22 }}>{t("officer.notFound")}</h1>} />;
  const entries = data?.officerHistory?.entries ?? [];
  const exams = entries.filter((e) => e.kind === "EXAM_RECORDED").map((e) => ({ seq: e.seq, ...JSON.parse(e.data) }));
  const sanctions = entries.filter((e) => ["SANCTION_NOTED", "TRAINING_STARTED", "REMOVED_FROM_POST"].includes(e.kind));
  const admin =
    user?.roles.includes("certification_admin") && officer && (!user.agency || user.agency === officer.agency);
  return (
    <Page title={officer ? officer.name : t("officer.title")}>
      <RequestError error={error} />
      {officer && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card title={t("officer.record")} extra={admin ? null : undefined}>
              <Descriptions column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label={t("officers.agency")}>{t(`enums.Agency.${officer.agency}`)}</Descriptions.Item>
                <Descriptions.Item label={t("officers.status")}>
                  <EnumTag kind="OfficerStatus" value={officer.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t("register.idNumber")}>{officer.idNumber}</Descriptions.Item>
                <Descriptions.Item label={t("officers.certificate")}>{officer.certificate?.number ?? t("officers.noCertificate")}</Descriptions.Item>
                <Descriptions.Item label={t("officers.certificateStatus")}>
                  <EnumTag kind="CertificateStatus" value={officer.certificate?.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t("officers.domains")}>
                  {(officer.certificate?.domains ?? []).map((d) => t(`enums.EnforcementDomain.${d}`)).join("、") || "—"}
                </Descriptions.Item>
                <Descriptions.Item label={t("officer.validity")}>
                  {officer.certificate ? `${date(officer.certificate.validFrom)} – ${date(officer.certificate.validUntil)}` : "—"}
                </Descriptions.Item>
                <Descriptions.Item label={t("officers.reviewDue")}>{date(officer.certificate?.nextReviewDue)}</Descriptions.Item>
              </Descriptions>
              {admin && (
                <div data-testid="officer-actions" style={{ marginTop: 16 }}>
                  <OfficerActions
                    officerId={officer.id}
                    agency={officer.agency}
                    certificateStatus={officer.certificate?.status ?? null}
                    onDone={() => refetch({ requestPolicy: "network-only" })}
                  />
                </div>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <QualifiedAt officerId={officer.id} />
          </Col>
          {withHistory && (
            <Col xs={24} lg={12}>
              <Card title={t("officer.exams")}>
                <Table
                  rowKey="seq"
                  size="small"
                  pagination={false}
                  dataSource={exams}
                  locale={{ emptyText: t("officer.noExams") }}
                  columns={[
                    { title: t("actions.exam.kind"), dataIndex: "exam", render: (e) => t(`enums.Exam.${e}`) },
                    { title: t("actions.exam.score"), dataIndex: "score" },
                    { title: t("actions.exam.takenOn"), dataIndex: "taken_on", render: (d) => date(d) },
                    {
                      title: t("officer.result"),
                      dataIndex: "passed",
                      render: (p) => <Tag color={p ? GREEN : RED}>{t(p ? "officer.passed" : "officer.failed")}</Tag>,
                    },
                  ]}
                />
              </Card>
            </Col>
          )}
          <Col xs={24} lg={12}>
            <Card title={t("officer.certificates")}>
              <Table
                rowKey="number"
                size="small"
                pagination={false}
                dataSource={officer.certificates}
                locale={{ emptyText: t("officers.noCertificate") }}
                columns={[
                  { title: t("officers.certificate"), dataIndex: "number" },
                  { title: t("officers.certificateStatus"), dataIndex: "status", render: (s) => <EnumTag kind="CertificateStatus" value={s} /> },
                  { title: t("officers.validUntil"), dataIndex: "validUntil", render: (d) => date(d) },
                ]}
              />
            </Card>
          </Col>
          {withHistory && (
            <Col xs={24} lg={12}>
              <Card title={t("officer.sanctions")}>
                {sanctions.length === 0
                  ? t("officer.noSanctions")
                  : sanctions.map((s) => (
                      <p key={s.seq}>
                        {dateTime(s.effectiveAt)} {t(`enums.HistoryKind.${s.kind}`)}
                      </p>
                    ))}
              </Card>
            </Col>
          )}
          {withHistory && (
            <Col span={24}>
              <Card title={t("officer.history")}>
                <Timeline
                  items={entries.map((e) => ({
                    key: e.seq,
                    children: (
                      <span>
                        <strong>{t(`enums.HistoryKind.${e.kind}`)}</strong> · {dateTime(e.effectiveAt)}
                        {e.certificateNo ? ` · ${e.certificateNo}` : ""}
                        {e.effectiveAt !== e.recordedAt && (
                          <Typography.Text type="secondary"> {t("officer.recordedAt", { at: dateTime(e.recordedAt) })}</Typography.Text>
                        )}
                      </span>
                    ),
                  }))}
                />
              </Card>
            </Col>
          )}
        </Row>
      )}
    </Page>
  );
}
