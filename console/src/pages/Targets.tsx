// 检查对象: the operation's inspection tasks, and (while DRAFT, for planners) adding
// targets from both agencies' directories or from a draw's results. Targets are split
// between the teams by the server (by domain, balanced) unless one team is chosen.
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tabs, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient, useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { Agency, EntityCategory } from "../gql/graphql";
import { errorText } from "../i18n";
import { GREEN } from "../lib/ui";

const Directory = graphql(`
  query TargetDirectory($agency: Agency!, $category: EntityCategory, $namePrefix: String) {
    enforcementEntities(agency: $agency, category: $category, namePrefix: $namePrefix, first: 50) {
      totalCount
      edges { node { id name category riskLevel address } }
    }
  }
`);
const Draws = graphql(`
  query TargetDraws { draws(first: 50) { edges { node { id title status entityCount } } } }
`);
const Assignments = graphql(`
  query TargetDrawAssignments($id: ID!, $after: String) {
    draw(id: $id) {
      id
      assignments(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { entityId agency category } }
      }
    }
  }
`);
const Entity = graphql(`
  query TargetEntityName($agency: Agency!, $id: ID!) { enforcementEntity(agency: $agency, id: $id) { id name } }
`);
const Add = graphql(`
  mutation AddOperationTargets($input: AddOperationTargetsInput!) {
    addOperationTargets(input: $input) { operation { id } errors { code message field } }
  }
`);

const CATEGORIES: Record<string, EntityCategory[]> = {
  CULTURE: ["ENTERTAINMENT_VENUE", "INTERNET_CAFE", "PERFORMANCE_VENUE", "PUBLICATION_OUTLET", "TRAVEL_AGENCY", "SCENIC_SPOT"] as EntityCategory[],
  TRANSPORT: ["PASSENGER_OPERATOR", "COACH_OPERATOR", "VEHICLE", "DRIVER"] as EntityCategory[],
};
const DRAWN = ["REVEALED", "RESULTS_PUBLISHED"];

export interface Task {
  id: string;
  team: string;
  agency: string;
  entityId: string;
  domain: string;
  done: boolean;
}

function EntityName({ agency, id }: { agency: string; id: string }) {
  const [{ data }] = useQuery({ query: Entity, variables: { agency: agency as Agency, id }, requestPolicy: "cache-first" });
  return <>{data?.enforcementEntity?.name ?? id}</>;
}

/** The operation's tasks: team, target (by name), agency, domain, done. */
export function TaskList({ tasks, total }: { tasks: Task[]; total: number }) {
  const { t } = useTranslation();
  return (
    <Card title={t("targets.tasks", { count: total })}>
      <Table
        rowKey="id"
        size="small"
        data-testid="tasks"
        dataSource={tasks}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t("targets.noTasks") }}
        columns={[
          { title: t("targets.team"), dataIndex: "team" },
          { title: t("targets.entity"), render: (_, task) => <EntityName agency={task.agency} id={task.entityId} /> },
          { title: t("targets.agency"), render: (_, task) => t(`enums.Agency.${task.agency}`) },
          { title: t("targets.domain"), render: (_, task) => t(`enums.EnforcementDomain.${task.domain}`) },
          { title: t("targets.done"), render: (_, task) => (task.done ? <Tag color={GREEN}>{t("targets.isDone")}</Tag> : t("targets.notDone")) },
        ]}
      />
    </Card>
  );
}

interface Props {
  operationId: string;
  agencies: string[];
  teams: string[];
  onDone: () => void;
}

/** Adding targets (DRAFT only): from the directories or from a draw's results. */
export function TargetPicker({ operationId, agencies, teams, onDone }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [form] = Form.useForm();
  const [search, setSearch] = useState<{ agency: string; category?: string; namePrefix?: string }>({ agency: agencies[0] });
  const [selected, setSelected] = useState<React.Key[]>([]);
  const [drawId, setDrawId] = useState<string | undefined>();
  const [team, setTeam] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [, add] = useMutation(Add);
  const [{ data: found, fetching }] = useQuery({
    query: Directory,
    variables: {
      agency: search.agency as Agency,
      category: (search.category || null) as EntityCategory | null,
      namePrefix: search.namePrefix || null,
    },
  });
  const [{ data: draws }] = useQuery({ query: Draws });
  const drawn = (draws?.draws.edges ?? []).map((e) => e!.node!).filter((d) => DRAWN.includes(d.status));

  const send = async (targets: { agency: Agency; entityId: string }[]) => {
    setOutcome(null);
    if (!targets.length) return setOutcome({ ok: false, text: t("targets.noneChosen") });
    const r = await add({ input: { operationId, targets, teamName: team || null } });
    const payload = r.data?.addOperationTargets;
    if (payload?.operation) {
      setSelected([]);
      setOutcome({ ok: true, text: t("targets.added", { count: targets.length }) });
      onDone();
    } else
      setOutcome({
        ok: false,
        text: payload ? payload.errors.map((e) => errorText(e.code, e.message)).join("；") : errorText(r.error?.networkError ? "NETWORK_ERROR" : "INTERNAL_ERROR"),
      });
  };

  const fromDraw = async () => {
    if (!drawId) return setOutcome({ ok: false, text: t("targets.chooseDraw") });
    const targets: { agency: Agency; entityId: string }[] = [];
    let after: string | null = null;
    const fetchPage = async (cursor: string | null) =>
      (await client.query(Assignments, { id: drawId, after: cursor }, { requestPolicy: "network-only" }).toPromise()).data?.draw?.assignments;
    for (;;) {
      const page = await fetchPage(after);
      if (!page) break;
      for (const e of page.edges) targets.push({ agency: e!.node!.agency, entityId: e!.node!.entityId });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? null;
    }
    await send(targets.filter((x) => agencies.includes(x.agency)));
  };

  const entities = (found?.enforcementEntities.edges ?? []).map((e) => e!.node!);
  const agencyOptions = agencies.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }));
  return (
    <Card title={t("targets.title")}>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="target-team">{t("targets.toTeam")}</label>
        <Select
          id="target-team"
          aria-label={t("targets.toTeam")}
          allowClear
          placeholder={t("targets.split")}
          style={{ width: 200 }}
          value={team}
          onChange={setTeam}
          options={teams.map((name) => ({ value: name, label: name }))}
        />
      </Space>
      <Tabs
        items={[
          {
            key: "directory",
            label: t("targets.fromDirectory"),
            children: (
              <>
                <Form
                  form={form}
                  layout="inline"
                  initialValues={{ agency: agencies[0] }}
                  onFinish={(v) => {
                    setSelected([]);
                    setSearch(v);
                  }}
                  style={{ marginBottom: 12, rowGap: 8 }}
                >
                  <Form.Item name="agency" label={t("targets.agency")}>
                    <Select style={{ width: 160 }} options={agencyOptions} onChange={() => form.setFieldValue("category", undefined)} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => (
                      <Form.Item name="category" label={t("targets.category")}>
                        <Select
                          allowClear
                          style={{ width: 180 }}
                          options={(CATEGORIES[form.getFieldValue("agency")] ?? []).map((c) => ({ value: c, label: t(`enums.EntityCategory.${c}`) }))}
                        />
                      </Form.Item>
                    )}
                  </Form.Item>
                  <Form.Item name="namePrefix" label={t("targets.name")}>
                    <Input allowClear style={{ width: 160 }} />
                  </Form.Item>
                  <Button htmlType="submit">{t("targets.search")}</Button>
                </Form>
                <Table
                  rowKey="id"
                  size="small"
                  data-testid="directory"
                  loading={fetching}
                  dataSource={entities}
                  pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                  rowSelection={{ selectedRowKeys: selected, onChange: setSelected }}
                  columns={[
                    { title: t("targets.name"), dataIndex: "name" },
                    { title: t("targets.category"), render: (_, e) => t(`enums.EntityCategory.${e.category}`) },
                    { title: t("targets.risk"), render: (_, e) => t(`enums.RiskLevel.${e.riskLevel}`) },
                    { title: t("targets.address"), render: (_, e) => e.address ?? "—" },
                  ]}
                />
                <Button
                  type="primary"
                  style={{ marginTop: 12 }}
                  onClick={() => send(selected.map((id) => ({ agency: search.agency as Agency, entityId: String(id) })))}
                >
                  {t("targets.addSelected", { count: selected.length })}
                </Button>
              </>
            ),
          },
          {
            key: "draw",
            label: t("targets.fromDraw"),
            children: (
              <Space wrap>
                <label htmlFor="target-draw">{t("targets.draw")}</label>
                <Select
                  id="target-draw"
                  aria-label={t("targets.draw")}
                  style={{ width: 360 }}
                  value={drawId}
                  onChange={setDrawId}
                  notFoundContent={t("targets.noDraws")}
                  options={drawn.map((d) => ({ value: d.id, label: t("targets.drawOption", { title: d.title, count: d.entityCount ?? 0 }) }))}
                />
                <Button type="primary" onClick={fromDraw}>
                  {t("targets.addDraw")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {outcome && <Alert type={outcome.ok ? "success" : "error"} role={outcome.ok ? "status" : "alert"} title={outcome.text} style={{ marginTop: 12 }} />}
    </Card>
  );
}
