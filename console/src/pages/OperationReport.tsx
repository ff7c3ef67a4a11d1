// 联合执法行动报告: the joint result report in the reader's language, with ECharts
// charts (imported per chart, in this lazily loaded route only), printable (A4: the menu
// and header are not printed; the charts render as SVG so they print sharp).
import { Button, Card, Col, Descriptions, Row, Space, Table } from "antd";
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { dateTime } from "../lib/format";
import { Page, RequestError } from "../lib/ui";

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const Report = graphql(`
  query OperationReport($id: ID!) {
    jointOperation(id: $id) {
      id name status leadAgency agencies startsAt endsAt launchedAt closedAt areas legalBasis
      report {
        alerts
        tasks { planned done withFindings }
        totals { entitiesInspected inspections violationsFound casesOpened officersInvolved }
        byAgency(first: 10) {
          edges {
            node {
              agency entitiesInspected inspections violationsFound casesOpened officersInvolved
              casesByOutcome(first: 20) { edges { node { outcome count } } }
            }
          }
        }
      }
    }
  }
`);

const FIGURES = ["entitiesInspected", "inspections", "violationsFound", "casesOpened", "officersInvolved"] as const;
type Figure = (typeof FIGURES)[number];
const PRINT_CSS = `@media print {
  .ant-layout-header, .ant-layout-sider, .no-print { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .ant-card { break-inside: avoid; box-shadow: none; }
  @page { size: A4; margin: 15mm; }
}`;

function Chart({ option, label }: { option: echarts.EChartsCoreOption; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "svg" });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    window.addEventListener("beforeprint", resize);
    return () => {
      window.removeEventListener("resize", resize);
      window.removeEventListener("beforeprint", resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: "100%", height: 300 }} />;
}

export default function OperationReport() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [{ data, error }] = useQuery({ query: Report, variables: { id } });
  const op = data?.jointOperation;
  const report = op?.report;
  const agencies = (report?.byAgency.edges ?? []).map((e) => e!.node!);
  const label = (f: Figure) => t(`report.figures.${f}`);

  const bars = useMemo<echarts.EChartsCoreOption | null>(() => report ? {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: "category", data: FIGURES.map(label) },
    yAxis: { type: "value", minInterval: 1 },
    series: agencies.map((a) => ({ type: "bar", name: t(`enums.Agency.${a.agency}`), data: FIGURES.map((f) => a[f]) })),
    animation: false,
  } : null, [report, t]);  // eslint-disable-line react-hooks/exhaustive-deps
  const tasks = report?.tasks;
  const pie = useMemo<echarts.EChartsCoreOption | null>(() => tasks ? {
    tooltip: { trigger: "item" },
    legend: { bottom: 0 },
    series: [
      {
        type: "pie",
        radius: ["35%", "65%"],
        label: { formatter: "{c}" },
        data: [
          { name: t("report.tasksClean"), value: tasks.done - tasks.withFindings },
          { name: t("report.tasksFindings"), value: tasks.withFindings },
          { name: t("report.tasksOpen"), value: Math.max(tasks.planned - tasks.done, 0) },
        ].filter((d) => d.value > 0),
      },
    ],
    animation: false,
  } : null, [tasks, t]);

  return (
    <Page
      title={op ? t("report.title", { name: op.name }) : t("report.heading")}
      extra={
        <Space className="no-print">
          {op && <Link to={`/operations/${op.id}`}>{t("report.back")}</Link>}
          <Button type="primary" onClick={() => window.print()}>
            {t("report.print")}
          </Button>
        </Space>
      }
    >
      <style>{PRINT_CSS}</style>
      <RequestError error={error} />
      {op && !report && <p>{t("report.none")}</p>}
      {op && report && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card>
              <Descriptions column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t("operations.lead")}>{t(`enums.Agency.${op.leadAgency}`)}</Descriptions.Item>
                <Descriptions.Item label={t("operations.agencies")}>{op.agencies.map((a) => t(`enums.Agency.${a}`)).join("、")}</Descriptions.Item>
                <Descriptions.Item label={t("operations.window")}>
                  {dateTime(op.startsAt)} – {dateTime(op.endsAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t("operations.areas")}>{op.areas.join("、") || "—"}</Descriptions.Item>
                <Descriptions.Item label={t("report.launched")}>{dateTime(op.launchedAt)}</Descriptions.Item>
                <Descriptions.Item label={t("report.closed")}>{dateTime(op.closedAt)}</Descriptions.Item>
                <Descriptions.Item label={t("report.tasks")}>
                  {t("report.tasksText", { planned: report.tasks.planned, done: report.tasks.done, findings: report.tasks.withFindings })}
                </Descriptions.Item>
                <Descriptions.Item label={t("report.alerts")}>{report.alerts}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title={t("report.byAgencyChart")}>{bars && <Chart option={bars} label={t("report.byAgencyChart")} />}</Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t("report.tasksChart")}>
              {report.tasks.planned > 0 && pie ? <Chart option={pie} label={t("report.tasksChart")} /> : <p>{t("report.noTasks")}</p>}
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t("report.figuresTable")}>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                data-testid="report-figures"
                dataSource={[
                  ...agencies.map((a) => ({ key: a.agency, who: t(`enums.Agency.${a.agency}`), ...a })),
                  { key: "total", who: t("report.total"), ...report.totals },
                ]}
                columns={[
                  { title: t("report.agency"), dataIndex: "who" },
                  ...FIGURES.map((f) => ({ title: label(f), dataIndex: f })),
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t("report.outcomes")}>
              <Descriptions column={1}>
                {agencies.map((a) => (
                  <Descriptions.Item key={a.agency} label={t(`enums.Agency.${a.agency}`)}>
                    {a.casesByOutcome.edges
                      .map((e) => e!.node!)
                      .map((o) => `${o.outcome === "UNDECIDED" ? t("report.undecided") : t(`enums.DecisionOutcome.${o.outcome}`)} ${o.count}`)
                      .join("；") || "—"}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          </Col>
        </Row>
      )}
    </Page>
  );
}
