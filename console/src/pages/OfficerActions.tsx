// The certificate lifecycle for administrators of the officer's agency: exam results,
// issue, renew, annual review, and the destructive steps behind a confirm that names
// their consequence (how many launched operations lose this officer).
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient, useMutation } from "urql";
import { graphql } from "../gql";
import { errorText } from "../i18n";
import { DOMAIN, DOMAIN_AGENCY, EXAM } from "../lib/enums";
import { placeErrors, type UserError } from "../lib/forms";

const RecordExam = graphql(`
  mutation RecordExam($input: ExamResultInput!) { recordExamResult(input: $input) { officer { id } errors { code message field } } }
`);
const Issue = graphql(`
  mutation IssueCertificate($input: IssueCertificateInput!) { issueCertificate(input: $input) { officer { id } errors { code message field } } }
`);
const Renew = graphql(`
  mutation RenewCertificate($input: RenewCertificateInput!) { renewCertificate(input: $input) { officer { id } errors { code message field } } }
`);
const Review = graphql(`
  mutation AnnualReview($input: AnnualReviewInput!) { recordAnnualReview(input: $input) { officer { id } errors { code message field } } }
`);
const Suspend = graphql(`
  mutation SuspendCertificate($input: SuspendCertificateInput!) { suspendCertificate(input: $input) { officer { id } errors { code message field } } }
`);
const Reinstate = graphql(`
  mutation ReinstateCertificate($input: ReinstateCertificateInput!) { reinstateCertificate(input: $input) { officer { id } errors { code message field } } }
`);
const Revoke = graphql(`
  mutation RevokeCertificate($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { officer { id } errors { code message field } } }
`);
const Launched = graphql(`
  query OfficerLaunchedOperations($id: ID!) { jointOperations(officerId: $id, status: LAUNCHED, first: 1) { totalCount } }
`);

type Kind = "exam" | "issue" | "renew" | "review" | "suspend" | "reinstate" | "revoke";
const DESTRUCTIVE: Kind[] = ["suspend", "revoke"];

interface Props {
  officerId: string;
  agency: string;
  certificateStatus: string | null;
  onDone: () => void;
}

export function OfficerActions({ officerId, agency, certificateStatus, onDone }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const client = useClient();
  const [open, setOpen] = useState<Kind | null>(null);
  const [rest, setRest] = useState<string[]>([]);
  const [form] = Form.useForm();
  const [, recordExam] = useMutation(RecordExam);
  const [, issue] = useMutation(Issue);
  const [, renew] = useMutation(Renew);
  const [, review] = useMutation(Review);
  const [, suspend] = useMutation(Suspend);
  const [, reinstate] = useMutation(Reinstate);
  const [, revoke] = useMutation(Revoke);

  const send = async (kind: Kind, v: Record<string, any>) => {
    const day = (d: dayjs.Dayjs) => d.format("YYYY-MM-DD");
    const base = { officerId };
    const calls: Record<Kind, () => Promise<{ errors: readonly UserError[]; ok: boolean } | null>> = {
      exam: async () => pick((await recordExam({ input: { ...base, exam: v.exam, score: v.score, takenOn: day(v.takenOn) } })).data?.recordExamResult),
      issue: async () =>
        pick((await issue({ input: { ...base, domains: v.domains, validFrom: day(v.validity[0]), validUntil: day(v.validity[1]) } })).data?.issueCertificate),
      renew: async () => pick((await renew({ input: { ...base, validUntil: day(v.validUntil) } })).data?.renewCertificate),
      review: async () => pick((await review({ input: base })).data?.recordAnnualReview),
      suspend: async () => pick((await suspend({ input: { ...base, reason: v.reason } })).data?.suspendCertificate),
      reinstate: async () => pick((await reinstate({ input: { ...base, reason: v.reason } })).data?.reinstateCertificate),
      revoke: async () => pick((await revoke({ input: { ...base, reason: v.reason } })).data?.revokeCertificate),
    };
    const outcome = await calls[kind]();
    if (outcome?.ok) {
      setOpen(null);
      form.resetFields();
      onDone();
    } else {
      setRest(outcome ? placeErrors(form, outcome.errors, ["exam", "score", "takenOn", "domains", "validity", "validFrom", "validUntil", "reason"]) : [errorText("INTERNAL_ERROR")]);
    }
  };

  const submit = async (values: Record<string, any>) => {
    if (!open) return;
    setRest([]);
    if (!DESTRUCTIVE.includes(open)) return send(open, values);
    const kind = open;
    const found = await client.query(Launched, { id: officerId }, { requestPolicy: "network-only" }).toPromise();
    const count = found.data?.jointOperations.totalCount ?? 0;
    modal.confirm({
      title: t(`actions.${kind}.confirmTitle`),
      content: t(`actions.${kind}.consequence`, { count }),
      okText: t(`actions.${kind}.ok`),
      okButtonProps: { danger: true },
      cancelText: t("form.cancel"),
      onOk: () => send(kind, values),
    });
  };

  const domains = DOMAIN.filter((d) => DOMAIN_AGENCY[d] === agency);
  const kinds: Kind[] = ["exam", "issue", "renew", "review"];
  if (certificateStatus === "VALID") kinds.push("suspend");
  if (certificateStatus === "SUSPENDED") kinds.push("reinstate");
  if (certificateStatus === "VALID" || certificateStatus === "SUSPENDED") kinds.push("revoke");

  return (
    <>
      <Space wrap>
        {kinds.map((k) => (
          <Button key={k} danger={DESTRUCTIVE.includes(k)} onClick={() => { setRest([]); form.resetFields(); setOpen(k); }}>
            {t(`actions.${k}.button`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`actions.${open}.title`) : ""}
        okText={t("form.submit")}
        cancelText={t("form.cancel")}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {open === "exam" && (
            <>
              <Form.Item name="exam" label={t("actions.exam.kind")} rules={[{ required: true, message: t("form.required") }]}>
                <Select options={EXAM.map((e) => ({ value: e, label: t(`enums.Exam.${e}`) }))} />
              </Form.Item>
              <Form.Item name="score" label={t("actions.exam.score")} rules={[{ required: true, message: t("form.required") }]}>
                <InputNumber min={0} max={100} style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item name="takenOn" label={t("actions.exam.takenOn")} rules={[{ required: true, message: t("form.required") }]}>
                <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs())} />
              </Form.Item>
            </>
          )}
          {open === "issue" && (
            <>
              <Form.Item name="domains" label={t("actions.issue.domains")} rules={[{ required: true, message: t("form.required") }]}>
                <Select mode="multiple" options={domains.map((d) => ({ value: d, label: t(`enums.EnforcementDomain.${d}`) }))} />
              </Form.Item>
              <Form.Item name="validity" label={t("actions.issue.validity")} rules={[{ required: true, message: t("form.required") }]}>
                <DatePicker.RangePicker style={{ width: "100%" }} />
              </Form.Item>
            </>
          )}
          {open === "renew" && (
            <Form.Item name="validUntil" label={t("actions.renew.validUntil")} rules={[{ required: true, message: t("form.required") }]}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          )}
          {open === "review" && <p>{t("actions.review.explain")}</p>}
          {(open === "suspend" || open === "reinstate" || open === "revoke") && (
            <Form.Item name="reason" label={t("actions.reason")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
          {rest.length > 0 && <Alert type="error" role="alert" title={rest.join("；")} />}
        </Form>
      </Modal>
    </>
  );
}

function pick(payload: { officer?: { id: string } | null; errors: readonly UserError[] } | undefined) {
  return payload ? { ok: Boolean(payload.officer), errors: payload.errors } : null;
}
