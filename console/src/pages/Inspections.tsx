// 行政检查: the agency's inspections, newest first; recording one with a team of at least
// two qualified officers (who must recuse is shown as the entity is picked), a checklist
// and findings. Refusals (TOO_FEW_OFFICERS, OFFICER_NOT_QUALIFIED, CONFLICT_OF_INTEREST)
// show on the team field.
import { Alert, Button, Card, Form, Input, Segmented, Select, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { Agency, ChecklistResult } from "../gql/graphql";
import { errorText } from "../i18n";
import { VIOLATIONS } from "../lib/cases";
import { AGENCY } from "../lib/enums";
import { placeErrors } from "../lib/forms";
import { dateTime } from "../lib/format";
import { allowed } from "../lib/roles";
import { usePageNumbers } from "../lib/paging";
import { EnumTag, Page, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";
import { AgencyOfficers } from "./FileCase";

const List = graphql(`
  query InspectionsPage($agency: Agency!, $first: Int, $offset: Int) {
    inspections(agency: $agency, first: $first, offset: $offset) {
      totalCount
      edges { node { id kind performedAt entity { name } officers { name } findings { description } recordedByActor { subject } } }
    }
  }
`);
const EntityChoices = graphql(`
  query InspectionEntities($agency: Agency!, $namePrefix: String) {
    enforcementEntities(agency: $agency, namePrefix: $namePrefix, first: 20) { edges { node { id name category domain } } }
  }
`);
const Conflicts = graphql(`
  query InspectionConflicts($agency: Agency!, $entityId: ID) {
    conflictsOfInterest(agency: $agency, entityId: $entityId, first: 50) { edges { node { id officerId reason } } }
  }
`);
const Record = graphql(`
  mutation RecordInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { inspection { id } errors { code message field } } }
`);
const Tasks = graphql(`
  query InspectionTasks($agency: Agency!, $offset: Int) {
    plannedInspectionTasks(agency: $agency, first: 10, offset: $offset) {
      totalCount
      edges { node { id operationId entityId domain team officerIds status inspectionId assignedAt } }
    }
  }
`);
const TaskEntity = graphql(`
  query InspectionTaskEntity($agency: Agency!, $id: ID!) { enforcementEntity(agency: $agency, id: $id) { id name } }
`);
const RESULTS: ChecklistResult[] = ["PASS", "FAIL", "NOT_APPLICABLE"];

export default function Inspections() {
  const { t } = useTranslation();
  const { user } = useUser();
  const navigate = useNavigate();
  const fixed = user?.roles.includes("enforcement_officer") ? (user.agency as Agency | undefined) : undefined;
  const [chosen, setChosen] = useState<Agency>((user?.agency as Agency) ?? "CULTURE");
  const agency = fixed ?? chosen;
  const pages = usePageNumbers(20, agency);
  const [{ data, error, fetching }] = useQuery({ query: List, variables: { agency, first: pages.first, offset: pages.offset } });
  const page = data?.inspections;
  return (
    <Page
      title={t("inspections.title")}
      extra={
        <Space>
          {!fixed && (
            <Segmented
              aria-label={t("entities.agency")}
              value={agency}
              onChange={(v) => setChosen(v as Agency)}
              options={AGENCY.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))}
            />
          )}
          {allowed(user?.roles, "recordInspection") && (
            <Button type="primary" onClick={() => navigate("/inspections/new")}>
              {t("inspections.record")}
            </Button>
          )}
        </Space>
      }
    >
      {allowed(user?.roles, "inspectionTasks") && <OperationTasks agency={agency} />}
      <RequestError error={error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={(page?.edges ?? []).map((e) => e!.node!)}
        pagination={pages.table(page?.totalCount, (count) => t("inspections.total", { count }))}
        columns={[
          { title: t("inspections.performedAt"), dataIndex: "performedAt", render: (d) => dateTime(d) },
          { title: t("inspections.entity"), render: (_, i) => i.entity?.name ?? "—" },
          { title: t("inspections.kind"), dataIndex: "kind", render: (k) => <EnumTag kind="InspectionKind" value={k} /> },
          { title: t("inspections.officers"), render: (_, i) => i.officers.map((o) => o.name).join("、") },
          { title: t("inspections.findings"), render: (_, i) => i.findings.map((f) => f.description).join("；") || t("inspections.noFindings") },
          { title: t("inspections.recordedBy"), render: (_, i) => i.recordedByActor.subject },
        ]}
      />
    </Page>
  );
}

// 联合行动检查任务: what launched joint operations handed to this agency; an officer
// records a task from its row (the form is prefilled with the task, recording marks it done).
function OperationTasks({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const { user } = useUser();
  const navigate = useNavigate();
  const [offset, setOffset] = useState(0);
  const [{ data, error, fetching }] = useQuery({ query: Tasks, variables: { agency, offset }, requestPolicy: "cache-and-network" });
  const page = data?.plannedInspectionTasks;
  const record = (task: { id: string; operationId: string; entityId: string; team: string; officerIds: string[] }) => {
    const q = new URLSearchParams({ entity: task.entityId, task: task.id, operation: task.operationId, team: task.team });
    if (task.officerIds.length) q.set("officers", task.officerIds.join(","));
    navigate(`/inspections/new?${q}`);
  };
  return (
    <Card size="small" title={t("inspections.tasks")} style={{ marginBottom: 16 }} data-testid="operation-tasks">
      <RequestError error={error} />
      <Table
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={(page?.edges ?? []).map((e) => e!.node!)}
        pagination={{ current: offset / 10 + 1, pageSize: 10, total: page?.totalCount ?? 0, onChange: (p) => setOffset((p - 1) * 10), showTotal: (count) => t("inspections.tasksTotal", { count }) }}
        columns={[
          { title: t("inspections.taskOperation"), dataIndex: "operationId", render: (id) => <Link to={`/operations/${id}`}>{id}</Link> },
          { title: t("inspections.taskEntity"), dataIndex: "entityId", render: (id) => <EntityLink agency={agency} id={id} /> },
          { title: t("inspections.taskDomain"), dataIndex: "domain", render: (d) => t(`enums.EnforcementDomain.${d}`) },
          { title: t("inspections.taskTeam"), dataIndex: "team" },
          { title: t("inspections.assignedAt"), dataIndex: "assignedAt", render: (d) => dateTime(d) },
          { title: t("inspections.taskStatus"), dataIndex: "status", render: (s) => <EnumTag kind="PlannedInspectionStatus" value={s} /> },
          ...(allowed(user?.roles, "recordInspection")
            ? [{ title: t("caseActions.title"), key: "action", render: (_: unknown, task: any) => task.status === "OPEN" && <Button size="small" onClick={() => record(task)}>{t("inspections.recordTask")}</Button> }]
            : []),
        ]}
      />
    </Card>
  );
}

function EntityLink({ agency, id }: { agency: Agency; id: string }) {
  const [{ data }] = useQuery({ query: TaskEntity, variables: { agency, id } });
  return <Link to={`/entities/${agency}/${id}`}>{data?.enforcementEntity?.name ?? id}</Link>;
}

export function RecordInspection() {
  const { t } = useTranslation();
  const { user } = useUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const agency = (user?.agency ?? "CULTURE") as Agency;
  const [prefix, setPrefix] = useState("");
  const [rest, setRest] = useState<string[]>([]);
  const taskId = params.get("task") ?? undefined;
  const operationId = params.get("operation") ?? undefined;
  const entityId = Form.useWatch("entityId", form) ?? params.get("entity") ?? undefined;
  const [entities] = useQuery({ query: EntityChoices, variables: { agency, namePrefix: prefix || undefined } });
  const [officers] = useQuery({ query: AgencyOfficers, variables: { agency } });
  const [conflicts] = useQuery({ query: Conflicts, variables: { agency, entityId }, pause: !entityId });
  const [state, record] = useMutation(Record);
  const found = (entities.data?.enforcementEntities.edges ?? []).map((e) => e!.node!);
  const domain = found.find((e) => e.id === entityId)?.domain;
  const codes = domain ? (VIOLATIONS[agency]?.[domain] ?? []) : Object.values(VIOLATIONS[agency] ?? {}).flat();
  const names = Object.fromEntries((officers.data?.officerPage.nodes ?? []).map((o) => [o.id, o.name]));
  const recusals = (conflicts.data?.conflictsOfInterest.edges ?? []).map((e) => e!.node!);

  const submit = async (v: Record<string, any>) => {
    setRest([]);
    const input = {
      agency,
      entityId: v.entityId,
      officerIds: v.officerIds ?? [],
      ...(taskId ? { taskId, kind: "PLANNED" as const } : {}),
      ...(operationId ? { operationId } : {}),
      checklist: (v.checklist ?? []).filter((c: any) => c?.item).map((c: any) => ({ item: c.item, result: c.result ?? "PASS", note: c.note || undefined })),
      findings: (v.findings ?? []).filter((f: any) => f?.description).map((f: any) => ({ description: f.description, violationCode: f.violationCode || undefined })),
    };
    const r = await record({ input });
    const payload = r.data?.recordInspection;
    if (payload?.inspection) navigate("/inspections");
    else setRest(payload ? placeErrors(form, payload.errors, ["entityId", "officerIds", "checklist", "findings"]) : [errorText("INTERNAL_ERROR")]);
  };

  return (
    <Page title={t("inspections.recordTitle")}>
      <Card style={{ maxWidth: 820 }}>
        {taskId && <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="task-banner" title={t("inspections.taskFor", { operation: operationId, team: params.get("team") ?? "" })} />}
        <Form form={form} name="inspection" layout="vertical" onFinish={submit} initialValues={{ entityId: params.get("entity") ?? undefined, officerIds: params.get("officers")?.split(",") ?? undefined, checklist: [{ result: "PASS" }], findings: [] }}>
          <Form.Item name="entityId" label={t("inspections.entity")} rules={[{ required: true, message: t("form.required") }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setPrefix }}
              placeholder={t("cases.entitySearch")}
              options={found.map((e) => ({ value: e.id, label: `${e.name}（${t(`enums.EntityCategory.${e.category}`)}）` }))}
            />
          </Form.Item>
          <Form.Item name="officerIds" label={t("inspections.officers")} rules={[{ required: true, message: t("form.required") }]}>
            <Select mode="multiple" showSearch={{ optionFilterProp: "label" }} options={Object.entries(names).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {recusals.map((c) => (
            <Alert key={c.id} type="warning" showIcon style={{ marginBottom: 12 }} title={t("inspections.recusal", { names: names[c.officerId] ?? c.officerId, reason: c.reason })} />
          ))}
          <Form.List name="checklist">
            {(fields, { add, remove }) => (
              <Card size="small" title={t("inspections.checklist")} style={{ marginBottom: 16 }} extra={<Button size="small" onClick={() => add({ result: "PASS" })}>{t("inspections.addItem")}</Button>}>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, "item"]} label={t("inspections.item")}>
                      <Input style={{ width: 260 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, "result"]} label={t("inspections.result")}>
                      <Select style={{ width: 110 }} options={RESULTS.map((r) => ({ value: r, label: t(`enums.ChecklistResult.${r}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, "note"]} label={t("inspections.note")}>
                      <Input style={{ width: 180 }} />
                    </Form.Item>
                    <Button style={{ marginTop: 30 }} onClick={() => remove(f.name)}>{t("inspections.remove")}</Button>
                  </Space>
                ))}
              </Card>
            )}
          </Form.List>
          <Form.List name="findings">
            {(fields, { add, remove }) => (
              <Card size="small" title={t("inspections.findings")} style={{ marginBottom: 16 }} extra={<Button size="small" onClick={() => add({})}>{t("inspections.addFinding")}</Button>}>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, "description"]} label={t("inspections.description")}>
                      <Input style={{ width: 300 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, "violationCode"]} label={t("inspections.violation")}>
                      <Select allowClear style={{ width: 240 }} options={codes.map((c) => ({ value: c, label: t(`enums.ViolationCode.${c}`) }))} />
                    </Form.Item>
                    <Button style={{ marginTop: 30 }} onClick={() => remove(f.name)}>{t("inspections.remove")}</Button>
                  </Space>
                ))}
              </Card>
            )}
          </Form.List>
          {rest.length > 0 && <Alert type="error" role="alert" showIcon title={rest.join("；")} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={state.fetching}>
            {t("inspections.record")}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
