// 行动详情: the plan, its teams (with a team builder while DRAFT), launch, and once
// LAUNCHED a live view polled every 2 s: members who lose qualification are pulled and
// the alert shows without a reload.
import { Alert, App, Button, Card, Col, Descriptions, List, Row, Space, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import { errorText } from "../i18n";
import { dateTime } from "../lib/format";
import { allowed } from "../lib/roles";
import { EnumTag, Page, RequestError, GREEN, RED } from "../lib/ui";
import { useUser } from "../lib/user";
import { TargetPicker, TaskList } from "./Targets";
import { TeamBuilder } from "./TeamBuilder";

export const LIVE_POLL_MS = 2000;

const Detail = graphql(`
  query OperationDetail($id: ID!) {
    jointOperation(id: $id) {
      id name status agencies leadAgency startsAt endsAt legalBasis areas launchedAt closedAt
      teams {
        name
        understaffed
        members { domain agency officer { id name } qualification { qualified reasons } }
      }
      alerts(first: 20) { totalCount edges { node { id kind team at officerId domain reasons } } }
      progress { total { planned done withFindings } }
      tasks(first: 100) { totalCount edges { node { id team agency entityId domain done } } }
    }
  }
`);
const Name = graphql(`
  query OfficerName($id: ID!) { officer(id: $id) { id name } }
`);

/** A pulled member is no longer on a team: their name is looked up (cached per officer). */
function OfficerName({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: Name, variables: { id }, requestPolicy: "cache-first" });
  return <>{data?.officer?.name ?? id}</>;
}

const Launch = graphql(`
  mutation LaunchOperation($id: ID!) { launchJointOperation(id: $id) { operation { id status } errors { code message field } } }
`);

export default function OperationDetail() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { modal } = App.useApp();
  const { user } = useUser();
  const [{ data, error }, refetch] = useQuery({ query: Detail, variables: { id } });
  const [, launch] = useMutation(Launch);
  const [refusal, setRefusal] = useState<string | null>(null);
  const op = data?.jointOperation;
  const planner = allowed(user?.roles, "planOperation");

  useEffect(() => {
    if (op?.status !== "LAUNCHED") return;
    const timer = setInterval(() => refetch({ requestPolicy: "network-only" }), LIVE_POLL_MS);
    return () => clearInterval(timer);
  }, [op?.status, refetch]);

  const doLaunch = () =>
    modal.confirm({
      title: t("operations.launchTitle"),
      content: t("operations.launchConsequence"),
      okText: t("operations.launch"),
      cancelText: t("form.cancel"),
      onOk: async () => {
        const r = await launch({ id });
        const errors = r.data?.launchJointOperation.errors ?? [];
        setRefusal(errors.length ? errors.map((e) => `${errorText(e.code)}（${e.message}）`).join("；") : null);
        refetch({ requestPolicy: "network-only" });
      },
    });

  const alerts = op?.alerts.edges.map((e) => e!.node!) ?? [];
  return (
    <Page
      title={op?.name ?? t("operations.title")}
      extra={
        <Space>
          {(op?.status === "LAUNCHED" || op?.status === "COMPLETED") && (
            <Link to={`/operations/${op.id}/report`}>{t("report.open")}</Link>
          )}
          {op?.status === "DRAFT" && planner && (
            <Button type="primary" onClick={doLaunch}>
              {t("operations.launch")}
            </Button>
          )}
        </Space>
      }
    >
      <RequestError error={error} />
      {refusal && <Alert type="error" role="alert" title={refusal} style={{ marginBottom: 16 }} />}
      {op && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card>
              <Descriptions column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label={t("operations.status")}>
                  <EnumTag kind="JointOperationStatus" value={op.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t("operations.lead")}>{t(`enums.Agency.${op.leadAgency}`)}</Descriptions.Item>
                <Descriptions.Item label={t("operations.agencies")}>{op.agencies.map((a) => t(`enums.Agency.${a}`)).join("、")}</Descriptions.Item>
                <Descriptions.Item label={t("operations.window")} span={2}>
                  {dateTime(op.startsAt)} – {dateTime(op.endsAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t("operations.progress")}>
                  {t("operations.progressText", { done: op.progress.total.done, planned: op.progress.total.planned })}
                </Descriptions.Item>
                <Descriptions.Item label={t("operations.legalBasis")} span={3}>
                  {op.legalBasis || "—"}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          {op.status === "LAUNCHED" && (
            <Col span={24}>
              <Card title={t("operations.liveAlerts", { count: op.alerts.totalCount })}>
                <List
                  data-testid="alerts"
                  dataSource={alerts}
                  locale={{ emptyText: t("operations.noAlerts") }}
                  renderItem={(a) => (
                    <List.Item>
                      <Space wrap>
                        <Tag color={RED}>{t(`enums.OperationAlertKind.${a.kind}`)}</Tag>
                        <span>{dateTime(a.at)}</span>
                        <span>
                          {a.team}：
                          {a.officerId ? (
                            <OfficerName id={a.officerId} />
                          ) : (
                            a.domain && t(`enums.EnforcementDomain.${a.domain}`)
                          )}
                        </span>
                        <span>{a.reasons.map((r) => t(`enums.QualificationReason.${r}`)).join("；")}</span>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          )}
          {op.teams.map((team) => (
            <Col xs={24} lg={12} key={team.name}>
              <Card title={t("operations.team", { name: team.name })} data-testid={`team-${team.name}`}>
                {team.understaffed.length > 0 && (
                  <Alert
                    type="error"
                    title={t("operations.understaffed", {
                      domains: team.understaffed.map((d) => t(`enums.EnforcementDomain.${d}`)).join("、"),
                    })}
                    style={{ marginBottom: 8 }}
                  />
                )}
                <Table
                  rowKey={(m) => m.officer.id}
                  size="small"
                  pagination={false}
                  dataSource={team.members}
                  locale={{ emptyText: t("operations.noMembers") }}
                  columns={[
                    { title: t("team.officer"), render: (_, m) => m.officer.name },
                    { title: t("team.domain"), render: (_, m) => t(`enums.EnforcementDomain.${m.domain}`) },
                    {
                      title: t("team.qualification"),
                      render: (_, m) =>
                        m.qualification.qualified ? (
                          <Tag color={GREEN}>{t("team.qualifiedNow")}</Tag>
                        ) : (
                          <Tag color={RED}>{m.qualification.reasons.map((r) => t(`enums.QualificationReason.${r}`)).join("；")}</Tag>
                        ),
                    },
                  ]}
                />
              </Card>
            </Col>
          ))}
          {op.status === "DRAFT" && planner && (
            <Col span={24}>
              <TeamBuilder
                operationId={op.id}
                agencies={[...op.agencies]}
                startsAt={op.startsAt}
                endsAt={op.endsAt}
                teams={op.teams.map((tm) => tm.name)}
                onDone={() => refetch({ requestPolicy: "network-only" })}
              />
            </Col>
          )}
          <Col span={24}>
            <TaskList tasks={op.tasks.edges.map((e) => e!.node!)} total={op.tasks.totalCount} />
          </Col>
          {op.status === "DRAFT" && planner && (
            <Col span={24}>
              <TargetPicker
                operationId={op.id}
                agencies={[...op.agencies]}
                teams={op.teams.map((tm) => tm.name)}
                onDone={() => refetch({ requestPolicy: "network-only" })}
              />
            </Col>
          )}
        </Row>
      )}
    </Page>
  );
}
