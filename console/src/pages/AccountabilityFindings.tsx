// Findings (执法过错认定) and sanctions: a sanction is imposed only after a confirm that
// names its effect on the officer's qualification and how many launched operations lose
// the officer; an officer's record lifts off-post training and removal from post.
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient, useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { SanctionMeasure } from "../gql/graphql";
import { errorText } from "../i18n";
import { placeErrors } from "../lib/forms";
import { dateTime } from "../lib/format";
import { RED, RequestError } from "../lib/ui";

const SOURCES = ["COMPLAINT", "CASE_REVIEW", "AUDIT"] as const;
export const MEASURES = ["CRITICISM_EDUCATION", "OFF_POST_TRAINING", "REMOVAL_FROM_POST", "QUALIFICATION_REVOKED"] as const;

const FindingsQuery = graphql(`
  query AccountabilityFindings {
    accountabilityFindings(first: 100) {
      edges { node { id officerId description recordedAt source caseId evidence officer { id name agency } recordedBy { subject } } }
    }
  }
`);
const AllOfficers = graphql(`
  query AccountabilityOfficers($namePrefix: String) {
    officerPage(filter: { namePrefix: $namePrefix }, limit: 100) { nodes { id name agency } }
  }
`);
const RecordFinding = graphql(`
  mutation AccountabilityRecordFinding($input: FindingInput!) { recordFinding(input: $input) { finding { id } errors { code message field } } }
`);
const Impose = graphql(`
  mutation AccountabilityImpose($input: SanctionInput!) { imposeSanction(input: $input) { sanction { id measure } errors { code message field } } }
`);
const Launched = graphql(`
  query AccountabilityLaunched($id: ID!) { jointOperations(officerId: $id, status: LAUNCHED, first: 1) { totalCount } }
`);
const Record = graphql(`
  query OfficerAccountability($id: ID!) {
    officerAccountabilityRecord(officerId: $id) {
      officerId activeMeasures officer { id name agency }
      sanctions(first: 100) { edges { node { id measure effectiveAt imposedAt liftedAt findingId } } }
      findings(first: 100) { edges { node { id description recordedAt source } } }
    }
  }
`);
const CompleteTraining = graphql(`
  mutation AccountabilityCompleteTraining($input: OfficerStepInput!) { completeTraining(input: $input) { sanctions { id } errors { code message field } } }
`);
const Reinstate = graphql(`
  mutation AccountabilityReinstate($input: OfficerStepInput!) { reinstateToPost(input: $input) { sanctions { id } errors { code message field } } }
`);

function OfficerPicker({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation();
  const [prefix, setPrefix] = useState("");
  const [{ data }] = useQuery({ query: AllOfficers, variables: { namePrefix: prefix || undefined } });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t("accountability.pickOfficer")}
      showSearch={{ filterOption: false, onSearch: setPrefix }}
      options={(data?.officerPage.nodes ?? []).map((o) => ({ value: o.id, label: `${o.name}（${t(`enums.Agency.${o.agency}`)}）` }))}
      style={{ minWidth: 220 }}
    />
  );
}

function FindingForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [rest, setRest] = useState<string[]>([]);
  const [, record] = useMutation(RecordFinding);
  const submit = async (v: Record<string, any>) => {
    setRest([]);
    const evidence = String(v.evidence ?? "").split("\n").map((s) => s.trim()).filter(Boolean);
    const r = await record({ input: { officerId: v.officerId, description: v.description, source: v.source, caseId: v.caseId || undefined, evidence } });
    const payload = r.data?.recordFinding;
    if (payload?.finding) {
      setOpen(false);
      form.resetFields();
      onDone();
    } else setRest(payload ? placeErrors(form, payload.errors, ["officerId", "description", "source", "caseId", "evidence"]) : [errorText("INTERNAL_ERROR")]);
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t("accountability.recordFinding")}
      </Button>
      <Modal open={open} title={t("accountability.recordFinding")} okText={t("form.submit")} cancelText={t("form.cancel")} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} name="finding" layout="vertical" onFinish={submit} initialValues={{ source: "AUDIT" }} preserve={false}>
          <Form.Item name="officerId" label={t("accountability.officer")} rules={[{ required: true, message: t("form.required") }]}>
            <OfficerPicker />
          </Form.Item>
          <Form.Item name="source" label={t("accountability.source")}>
            <Select options={SOURCES.map((s) => ({ value: s, label: t(`enums.FindingSource.${s}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t("accountability.description")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="caseId" label={t("accountability.caseId")}>
            <Input />
          </Form.Item>
          <Form.Item name="evidence" label={t("accountability.evidence")}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {rest.length > 0 && <Alert type="error" role="alert" title={rest.join("；")} />}
        </Form>
      </Modal>
    </>
  );
}

function SanctionForm({ finding, onDone }: { finding: { id: string; officerId: string; officer?: { name: string } | null }; onDone: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const client = useClient();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [rest, setRest] = useState<string[]>([]);
  const [, impose] = useMutation(Impose);
  const name = finding.officer?.name ?? finding.officerId;
  const send = async (measure: SanctionMeasure) => {
    const r = await impose({ input: { findingId: finding.id, measure } });
    const payload = r.data?.imposeSanction;
    if (payload?.sanction) {
      setOpen(false);
      message.success(t("accountability.imposed"));
      onDone();
    } else setRest(payload ? placeErrors(form, payload.errors, ["measure"]) : [errorText("INTERNAL_ERROR")]);
  };
  const submit = async (v: { measure: SanctionMeasure }) => {
    setRest([]);
    const found = await client.query(Launched, { id: finding.officerId }, { requestPolicy: "network-only" }).toPromise();
    const count = found.data?.jointOperations.totalCount ?? 0;
    modal.confirm({
      title: t("accountability.confirmTitle", { measure: t(`enums.SanctionMeasure.${v.measure}`) }),
      content: t(`accountability.effect.${v.measure}`, { name, count }),
      okText: t("accountability.confirmOk"),
      okButtonProps: { danger: v.measure !== "CRITICISM_EDUCATION" },
      cancelText: t("form.cancel"),
      onOk: () => send(v.measure),
    });
  };
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t("accountability.sanction")}
      </Button>
      <Modal open={open} title={t("accountability.imposeTitle", { name })} okText={t("form.submit")} cancelText={t("form.cancel")} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} name="sanction" layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item name="measure" label={t("accountability.measure")} rules={[{ required: true, message: t("form.required") }]}>
            <Select options={MEASURES.map((m) => ({ value: m, label: t(`enums.SanctionMeasure.${m}`) }))} />
          </Form.Item>
          {rest.length > 0 && <Alert type="error" role="alert" title={rest.join("；")} />}
        </Form>
      </Modal>
    </>
  );
}

export function Findings() {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refresh] = useQuery({ query: FindingsQuery });
  const reload = () => refresh({ requestPolicy: "network-only" });
  const rows = (data?.accountabilityFindings.edges ?? []).map((e) => e!.node!);
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <FindingForm onDone={reload} />
      </Space>
      <RequestError error={error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        locale={{ emptyText: t("accountability.noFindings") }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t("accountability.recordedAt"), dataIndex: "recordedAt", render: (d) => dateTime(d) },
          { title: t("accountability.officer"), render: (_, f) => f.officer?.name ?? f.officerId },
          { title: t("accountability.source"), dataIndex: "source", render: (s) => t(`enums.FindingSource.${s}`) },
          { title: t("accountability.description"), dataIndex: "description" },
          { title: t("accountability.caseId"), dataIndex: "caseId", render: (c) => c ?? "—" },
          { title: t("accountability.recordedBy"), render: (_, f) => f.recordedBy.subject },
          { title: t("accountability.sanction"), render: (_, f) => <SanctionForm finding={f} onDone={reload} /> },
        ]}
      />
    </>
  );
}

export function OfficerRecord() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [officerId, setOfficerId] = useState<string | undefined>();
  const [rest, setRest] = useState<string[]>([]);
  const [{ data, error }, refresh] = useQuery({ query: Record, variables: { id: officerId ?? "" }, pause: !officerId });
  const [, complete] = useMutation(CompleteTraining);
  const [, reinstate] = useMutation(Reinstate);
  const record = data?.officerAccountabilityRecord;
  const lift = (kind: "training" | "reinstate") =>
    modal.confirm({
      title: t(kind === "training" ? "accountability.completeTraining" : "accountability.reinstate"),
      content: t("accountability.liftConfirm"),
      okText: t("form.submit"),
      cancelText: t("form.cancel"),
      onOk: async () => {
        const input = { officerId: officerId! };
        const r = kind === "training" ? (await complete({ input })).data?.completeTraining : (await reinstate({ input })).data?.reinstateToPost;
        setRest(r?.errors.map((e) => errorText(e.code, e.message)) ?? []);
        refresh({ requestPolicy: "network-only" });
      },
    });
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t("accountability.officer")} htmlFor="record-officer">
          <OfficerPicker id="record-officer" value={officerId} onChange={setOfficerId} />
        </Form.Item>
      </Form>
      <RequestError error={error} />
      {rest.length > 0 && <Alert type="error" role="alert" title={rest.join("；")} style={{ marginBottom: 16 }} />}
      {record && (
        <Card size="small" title={record.officer?.name ?? record.officerId} data-testid="officer-record">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("accountability.active")}>
              {record.activeMeasures.length ? record.activeMeasures.map((m) => <Tag key={m} color={RED}>{t(`enums.SanctionMeasure.${m}`)}</Tag>) : t("accountability.none")}
            </Descriptions.Item>
          </Descriptions>
          <Space style={{ margin: "12px 0" }}>
            {record.activeMeasures.includes("OFF_POST_TRAINING") && <Button onClick={() => lift("training")}>{t("accountability.completeTraining")}</Button>}
            {record.activeMeasures.includes("REMOVAL_FROM_POST") && <Button onClick={() => lift("reinstate")}>{t("accountability.reinstate")}</Button>}
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={(record.sanctions?.edges ?? []).map((e) => e!.node!)}
            columns={[
              { title: t("accountability.measure"), dataIndex: "measure", render: (m) => t(`enums.SanctionMeasure.${m}`) },
              { title: t("accountability.effectiveAt"), dataIndex: "effectiveAt", render: (d) => dateTime(d) },
              { title: t("accountability.liftedAt"), dataIndex: "liftedAt", render: (d) => (d ? dateTime(d) : <Tag color={RED}>{t("accountability.inForce")}</Tag>) },
            ]}
          />
        </Card>
      )}
    </>
  );
}
