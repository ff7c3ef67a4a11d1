// 统计报表: enforcement statistics for a period (with the decisions by outcome as a
// chart) and the annual report's figures for a year, per agency; each section shown to
// the roles that may read it.
import { App, Button, Card, Col, DatePicker, Form, Row, Segmented, Space, Statistic, Table } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { Agency } from "../gql/graphql";
import { OUTCOME } from "../lib/cases";
import { downloadWithToken } from "../lib/download";
import { AGENCY } from "../lib/enums";
import { today } from "../lib/format";
import { allowed } from "../lib/roles";
import { Page, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";
import { Bars } from "./ReportChart";

const Statistics = graphql(`
  query ReportStatistics($agency: Agency!, $from: Date!, $to: Date!) {
    enforcementStatistics(agency: $agency, periodFrom: $from, periodTo: $to) {
      inspections casesFiled decided legallyReviewed majorFiledWithJustice publishedInTime publishedLate
      firstViolationWaivers guidance mediation byOutcome { outcome count }
    }
  }
`);
const Annual = graphql(`
  query ReportAnnual($agency: Agency!, $year: Int!) {
    annualFigures(agency: $agency, year: $year) {
      year certifiedOfficers newOfficersPassedExams legallyReviewedCases majorCasesFiledWithJustice decisionsPublished
      decisionsPublishedLate firstViolationWaivers administrativeGuidanceCases mediationCases typicalCasesPublished
      inspectionsRecorded inspectionsReported inspectionPlatformConfigured drawBatches draws inspectorsDrawn entitiesDrawn crossDepartmentDraws
      delegatedPowers findings jointOperations sanctions { measure count }
    }
  }
`);

const STAT_KEYS = ["inspections", "casesFiled", "decided", "legallyReviewed", "majorFiledWithJustice", "publishedInTime", "publishedLate", "firstViolationWaivers", "guidance", "mediation"] as const;
const ANNUAL_KEYS = [
  "certifiedOfficers", "newOfficersPassedExams", "legallyReviewedCases", "majorCasesFiledWithJustice", "decisionsPublished",
  "decisionsPublishedLate", "firstViolationWaivers", "administrativeGuidanceCases", "mediationCases", "typicalCasesPublished",
  "inspectionsRecorded", "inspectionsReported", "drawBatches", "draws", "inspectorsDrawn", "entitiesDrawn",
  "crossDepartmentDraws", "delegatedPowers", "findings", "jointOperations",
] as const;

export default function Reports() {
  const { t } = useTranslation();
  const { user } = useUser();
  const [agency, setAgency] = useState<Agency>((user?.agency as Agency) ?? "CULTURE");
  const year = Number(today().slice(0, 4));
  const [period, setPeriod] = useState<[string, string]>([`${year}-01-01`, today()]);
  const [annualYear, setAnnualYear] = useState(year);
  const showStats = allowed(user?.roles, "statistics");
  const showAnnual = allowed(user?.roles, "annualFigures");
  const showDocument = allowed(user?.roles, "annualDocument");
  const { message } = App.useApp();
  const download = async (fmt: "html" | "pdf" | "xlsx") => {
    const name = `annual-report-${agency}-${annualYear}.${fmt}`;
    if (!(await downloadWithToken(`/reports/annual/${annualYear}.${fmt}?agency=${agency}`, name))) message.error(t("reports.downloadFailed"));
  };
  const [stats] = useQuery({ query: Statistics, variables: { agency, from: period[0], to: period[1] }, pause: !showStats });
  const [annual] = useQuery({ query: Annual, variables: { agency, year: annualYear }, pause: !showAnnual });
  const s = stats.data?.enforcementStatistics;
  const a = annual.data?.annualFigures;
  // every outcome on the axis, those without decisions at 0
  const outcomes = useMemo(() => OUTCOME.map((o) => t(`enums.DecisionOutcome.${o}`)), [t]);
  const counts = useMemo(() => OUTCOME.map((o) => s?.byOutcome.find((x) => x.outcome === o)?.count ?? 0), [s]);
  const sanctionNames = useMemo(() => (a?.sanctions ?? []).map((o) => t(`enums.SanctionMeasure.${o.measure}`)), [a, t]);
  const sanctionCounts = useMemo(() => (a?.sanctions ?? []).map((o) => o.count), [a]);

  return (
    <Page
      title={t("reports.title")}
      extra={
        <Segmented
          aria-label={t("reports.agency")}
          value={agency}
          onChange={(v) => setAgency(v as Agency)}
          options={AGENCY.map((x) => ({ value: x, label: t(`enums.Agency.${x}`) }))}
        />
      }
    >
      {showStats && (
        <Card title={t("reports.statistics")} size="small" style={{ marginBottom: 16 }} data-testid="statistics">
          <Form layout="inline" style={{ marginBottom: 16 }}>
            <Form.Item label={t("reports.period")} htmlFor="report-period">
              <DatePicker.RangePicker
                id="report-period"
                allowClear={false}
                value={[dayjs(period[0]), dayjs(period[1])]}
                onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].format("YYYY-MM-DD"), v[1].format("YYYY-MM-DD")])}
              />
            </Form.Item>
          </Form>
          <RequestError error={stats.error} />
          {s && (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Row gutter={[16, 16]}>
                  {STAT_KEYS.map((k) => (
                    <Col key={k} xs={12} md={8}>
                      <Statistic title={t(`reports.${k}`)} value={s[k]} />
                    </Col>
                  ))}
                </Row>
              </Col>
              <Col xs={24} lg={10}>
                <strong>{t("reports.byOutcome")}</strong>
                <Bars label={t("reports.chartLabel", { title: t("reports.byOutcome") })} names={outcomes} values={counts} />
              </Col>
            </Row>
          )}
        </Card>
      )}
      {showAnnual && (
        <Card
          title={t("reports.annual")}
          size="small"
          data-testid="annual"
          extra={
            <Space>
              <label htmlFor="report-year">{t("reports.year")}</label>
              <DatePicker id="report-year" picker="year" allowClear={false} value={dayjs(`${annualYear}-01-01`)} onChange={(v) => v && setAnnualYear(v.year())} />
            </Space>
          }
        >
          <RequestError error={annual.error} />
          {showDocument && (
            <Space wrap style={{ marginBottom: 16 }} data-testid="annual-document">
              <strong>{t("reports.document")}</strong>
              <Button onClick={() => download("html")}>{t("reports.downloadHtml")}</Button>
              <Button onClick={() => download("pdf")}>{t("reports.downloadPdf")}</Button>
              <Button onClick={() => download("xlsx")}>{t("reports.downloadXlsx")}</Button>
            </Space>
          )}
          {a && (
            <Row gutter={16}>
              <Col xs={24} lg={14}>
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  // 0 reported to a platform nobody configured is not a figure: say so
                  dataSource={ANNUAL_KEYS.map((k) => ({
                    key: k,
                    value: k === "inspectionsReported" && !a.inspectionPlatformConfigured ? t("reports.platformNotConfigured") : a[k],
                  }))}
                  columns={[
                    { title: t("reports.figure"), dataIndex: "key", render: (k) => t(`reports.${k}`) },
                    { title: t("reports.value"), dataIndex: "value", align: "right" },
                  ]}
                />
              </Col>
              <Col xs={24} lg={10}>
                <strong>{t("reports.sanctions")}</strong>
                <Bars label={t("reports.chartLabel", { title: t("reports.sanctions") })} names={sanctionNames} values={sanctionCounts} />
              </Col>
            </Row>
          )}
        </Card>
      )}
    </Page>
  );
}
