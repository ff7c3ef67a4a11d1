// The case's next steps, each a form: the officers acting, the step's own fields, and the
// service's refusals (LEGAL_REVIEW_REQUIRED, FINE_OUT_OF_RANGE, CONSENT_REQUIRED ...) on
// the field they name, in the reader's language; those naming no field show on the form.
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Tabs } from "antd";
import type { FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { Agency } from "../gql/graphql";
import { errorText } from "../i18n";
import { actions, CIRCUMSTANCE, COMPULSORY, LEGAL_ACTIONS, MEASURE, OUTCOME, pendingReview, reviewStage, SERVICE_METHOD, SHARED_ACTIONS, VIOLATIONS, type Action, type CaseFacts } from "../lib/cases";
import type { UserError } from "../lib/forms";
import { useUser } from "../lib/user";
import { AgencyOfficers } from "./FileCase";

const RESULT = "case { id state } errors { code message field }";
const M = {
  submitReview: graphql(`mutation CaseSubmitReview($input: LegalReviewSubmissionInput!) { submitForLegalReview(input: $input) { case { id state } errors { code message field } } }`),
  recordReview: graphql(`mutation CaseRecordReview($input: LegalReviewInput!) { recordLegalReview(input: $input) { case { id state } errors { code message field } } }`),
  startInvestigation: graphql(`mutation CaseStartInvestigation($input: CaseStepInput!) { startInvestigation(input: $input) { case { id state } errors { code message field } } }`),
  compulsory: graphql(`mutation CaseCompulsory($input: CompulsoryMeasureInput!) { recordCompulsoryMeasure(input: $input) { case { id state } errors { code message field } } }`),
  notifyRights: graphql(`mutation CaseNotifyRights($input: CaseStepInput!) { notifyRights(input: $input) { case { id state } errors { code message field } } }`),
  decide: graphql(`mutation CaseDecide($input: DecideCaseInput!) { decideCase(input: $input) { case { id state } errors { code message field } } }`),
  consent: graphql(`mutation CaseConsent($input: ServiceConsentInput!) { recordServiceConsent(input: $input) { case { id state } errors { code message field } } }`),
  attemptService: graphql(`mutation CaseAttemptService($input: AttemptServiceInput!) { attemptService(input: $input) { case { id state } errors { code message field } } }`),
  receipt: graphql(`mutation CaseReceipt($input: ServiceReceiptInput!) { recordServiceReceipt(input: $input) { case { id state } errors { code message field } } }`),
  publish: graphql(`mutation CasePublish($input: PublishDecisionInput!) { publishDecision(input: $input) { case { id state } errors { code message field } } }`),
  justice: graphql(`mutation CaseJustice($input: JusticeFilingInput!) { fileWithJusticeBureau(input: $input) { case { id state } errors { code message field } } }`),
  close: graphql(`mutation CaseClose($input: CaseStepInput!) { closeCase(input: $input) { case { id state } errors { code message field } } }`),
};
void RESULT;

// Fields each form has (server field paths are matched on their last known segment).
const DISCRETION = graphql(`query ViolationDiscretion($agency: Agency!, $violationCode: String!) { violationDiscretion(agency: $agency, violationCode: $violationCode) { violationCode noPenaltyListed ranges { circumstance min max list allowed } } }`);

// The chosen circumstance's fine range, and what the service would refuse, before submitting.
function DiscretionHint({ agency, outcome, violationCode, circumstance, fine }: { agency: string; outcome?: string; violationCode?: string; circumstance?: string; fine?: number | null }) {
  const { t } = useTranslation();
  const [res] = useQuery({ query: DISCRETION, variables: { agency: agency as Agency, violationCode: violationCode ?? "" }, pause: !violationCode });
  const d = res.data?.violationDiscretion;
  if (!violationCode || !d) return null;
  if (outcome === "NO_PENALTY_FIRST_VIOLATION")
    return d.noPenaltyListed ? null : <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="discretion-hint" title={t("caseActions.notOnNoPenaltyList")} />;
  if (outcome !== "PENALTY") return null;
  const r = d.ranges.find((x) => x.circumstance === circumstance);
  if (!r) return <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="discretion-hint" title={t("caseActions.chooseCircumstance")} />;
  const label = t(`enums.DecisionCircumstance.${r.circumstance}`);
  const range = t("caseActions.discretionRange", { circumstance: label, min: r.min, max: r.max });
  if (!r.allowed) return <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="discretion-hint" title={range} description={t("caseActions.notOnList", { list: t(`enums.SupervisionList.${r.list}`) })} />;
  const outside = typeof fine === "number" && (fine < r.min || fine > r.max);
  return <Alert type={outside ? "error" : "info"} showIcon style={{ marginBottom: 12 }} data-testid="discretion-hint" title={range} description={outside ? t("caseActions.fineOutside") : undefined} />;
}

const DECISION_FIELDS = ["outcome", "violationCode", "circumstance", "fine", "measures", "firstViolation", "minorHarm", "correctedInTime", "transferTo", "reason"];
const FIELDS = ["officerIds", "stage", "opinion", "measure", "items", "method", "address", "attemptIndex", "channel", "reference", ...DECISION_FIELDS];

function place(form: FormInstance, errors: readonly UserError[]): string[] {
  const rest: string[] = [];
  for (const e of errors) {
    const text = errorText(e.code, e.message);
    const name = [...(e.field ?? [])].reverse().find((p) => FIELDS.includes(p));
    if (name && name in form.getFieldsValue()) form.setFields([{ name, errors: [text] }]);
    else rest.push(text);
  }
  return rest;
}

type Facts = CaseFacts & {
  id: string;
  agency: string;
  domain: string;
  violationCode?: string | null;
  officers: readonly { id: string }[];
  legalReviews: readonly { stage: string; outcome?: string | null; proposal?: Record<string, unknown> | null }[];
  serviceAttempts: readonly { method: string; at: string; receivedAt?: string | null }[];
};

function decisionOf(v: Record<string, any>) {
  const d: Record<string, unknown> = { outcome: v.outcome };
  for (const k of ["violationCode", "circumstance", "fine", "transferTo", "reason"]) if (v[k] !== undefined && v[k] !== null && v[k] !== "") d[k] = v[k];
  d.measures = v.measures ?? [];
  for (const k of ["firstViolation", "minorHarm", "correctedInTime"]) d[k] = !!v[k];
  return d;
}

function DecisionFields({ facts, form }: { facts: Facts; form: FormInstance }) {
  const { t } = useTranslation();
  const outcome = Form.useWatch("outcome", form);
  const violationCode = Form.useWatch("violationCode", form);
  const circumstance = Form.useWatch("circumstance", form);
  const fine = Form.useWatch("fine", form);
  const codes = VIOLATIONS[facts.agency]?.[facts.domain] ?? [];
  return (
    <>
      <Form.Item name="outcome" label={t("cases.outcome")} rules={[{ required: true, message: t("form.required") }]}>
        <Select options={OUTCOME.map((o) => ({ value: o, label: t(`enums.DecisionOutcome.${o}`) }))} />
      </Form.Item>
      <Form.Item name="violationCode" label={t("cases.violation")}>
        <Select allowClear options={codes.map((c) => ({ value: c, label: t(`enums.ViolationCode.${c}`) }))} />
      </Form.Item>
      {outcome === "PENALTY" && (
        <>
          <Form.Item name="circumstance" label={t("cases.circumstance")}>
            <Select allowClear options={CIRCUMSTANCE.map((c) => ({ value: c, label: t(`enums.DecisionCircumstance.${c}`) }))} />
          </Form.Item>
          <Form.Item name="fine" label={t("cases.fine")}>
            <InputNumber min={0} precision={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="measures" label={t("cases.measures")}>
            <Select mode="multiple" options={MEASURE.map((m) => ({ value: m, label: t(`enums.PenaltyMeasure.${m}`) }))} />
          </Form.Item>
        </>
      )}
      <DiscretionHint agency={facts.agency} outcome={outcome} violationCode={violationCode} circumstance={circumstance} fine={fine} />
      {outcome === "NO_PENALTY_FIRST_VIOLATION" &&
        (["firstViolation", "minorHarm", "correctedInTime"] as const).map((k) => (
          <Form.Item key={k} name={k} valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>{t(`caseActions.${k}`)}</Checkbox>
          </Form.Item>
        ))}
      {outcome === "TRANSFER" && (
        <Form.Item name="transferTo" label={t("caseActions.transferTo")} rules={[{ required: true, message: t("form.required") }]}>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t("cases.reason")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}

function StepForm({ action, facts, onDone }: { action: Action; facts: Facts; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [rest, setRest] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [officers] = useQuery({ query: AgencyOfficers, variables: { agency: facts.agency as Agency } });
  const [, submitReview] = useMutation(M.submitReview);
  const [, recordReview] = useMutation(M.recordReview);
  const [, startInvestigation] = useMutation(M.startInvestigation);
  const [, compulsory] = useMutation(M.compulsory);
  const [, notifyRights] = useMutation(M.notifyRights);
  const [, decide] = useMutation(M.decide);
  const [, consent] = useMutation(M.consent);
  const [, attemptService] = useMutation(M.attemptService);
  const [, receipt] = useMutation(M.receipt);
  const [, publish] = useMutation(M.publish);
  const [, justice] = useMutation(M.justice);
  const [, close] = useMutation(M.close);
  const stage = action === "submitReview" ? reviewStage(facts) : null;
  const approved = [...facts.legalReviews].reverse().find((r) => r.stage === "DECISION" && r.outcome === "APPROVED");
  const team = !["recordReview", "receipt", "justice"].includes(action);
  const withDecision = action === "decide" || stage === "DECISION";
  const initial: Record<string, unknown> = {
    officerIds: facts.officers.map((o) => o.id),
    violationCode: facts.violationCode ?? undefined,
    outcome: "PENALTY",
    method: action === "consent" ? "EMAIL" : "IN_PERSON",
    ...(action === "decide" && approved?.proposal ? Object.fromEntries(Object.entries(approved.proposal).filter(([, v]) => v !== null)) : {}),
  };
  const open = facts.serviceAttempts.map((a, i) => ({ a: a as { method: string; receivedAt?: string | null }, i })).filter(({ a }) => !a.receivedAt);
  if (action === "receipt" && open.length) initial.attemptIndex = open[0].i;

  const submit = async (v: Record<string, any>) => {
    setRest([]);
    setBusy(true);
    const base = { caseId: facts.id, officerIds: v.officerIds ?? [] };
    const calls: Record<Action, () => Promise<any>> = {
      submitReview: () => submitReview({ input: { ...base, stage: stage as any, ...(stage === "DECISION" ? { proposal: decisionOf(v) as any } : {}) } }).then((r) => r.data?.submitForLegalReview ?? r),
      recordReview: () => recordReview({ input: { caseId: facts.id, outcome: v.reviewOutcome, opinion: v.opinion } }).then((r) => r.data?.recordLegalReview ?? r),
      startInvestigation: () => startInvestigation({ input: base }).then((r) => r.data?.startInvestigation ?? r),
      compulsory: () =>
        compulsory({ input: { ...base, measure: v.measure, items: String(v.items ?? "").split("\n").map((s) => s.trim()).filter(Boolean), reason: v.reason } }).then(
          (r) => r.data?.recordCompulsoryMeasure ?? r,
        ),
      notifyRights: () => notifyRights({ input: base }).then((r) => r.data?.notifyRights ?? r),
      decide: () => decide({ input: { ...base, decision: decisionOf(v) as any } }).then((r) => r.data?.decideCase ?? r),
      consent: () => consent({ input: { ...base, method: v.method, address: v.address } }).then((r) => r.data?.recordServiceConsent ?? r),
      attemptService: () => attemptService({ input: { ...base, method: v.method, address: v.address } }).then((r) => r.data?.attemptService ?? r),
      receipt: () => receipt({ input: { caseId: facts.id, attemptIndex: v.attemptIndex } }).then((r) => r.data?.recordServiceReceipt ?? r),
      publish: () => publish({ input: { ...base, channel: v.channel } }).then((r) => r.data?.publishDecision ?? r),
      justice: () => justice({ input: { caseId: facts.id, reference: v.reference } }).then((r) => r.data?.fileWithJusticeBureau ?? r),
      close: () => close({ input: base }).then((r) => r.data?.closeCase ?? r),
    };
    const out = await calls[action]();
    setBusy(false);
    if (out?.case) {
      form.resetFields();
      onDone();
    } else if (out?.errors && !out.error) {
      setRest(place(form, out.errors));
    } else {
      const codes = out?.error?.graphQLErrors?.map((e: any) => e.extensions?.code as string) ?? [];
      setRest([errorText(codes[0] || (out?.error?.networkError ? "NETWORK_ERROR" : "INTERNAL_ERROR"))]);
    }
  };

  const teamOptions = (officers.data?.officerPage.nodes ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Form form={form} name={`step-${action}`} layout="vertical" onFinish={submit} initialValues={initial} data-testid={`step-${action}`}>
      {stage && <Alert type="info" style={{ marginBottom: 12 }} title={t("cases.labelled", { label: t("cases.stage"), value: t(`enums.LegalReviewStage.${stage}`) })} />}
      {stage === "DECISION" && <p>{t("caseActions.proposalNote")}</p>}
      {team && (
        <Form.Item name="officerIds" label={t("caseActions.team")} rules={[{ required: true, message: t("form.required") }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: "label" }} options={teamOptions} />
        </Form.Item>
      )}
      {withDecision && <DecisionFields facts={facts} form={form} />}
      {action === "recordReview" && (
        <>
          <Form.Item name="reviewOutcome" label={t("cases.reviewOutcome")} rules={[{ required: true, message: t("form.required") }]}>
            <Radio.Group
              options={[
                { value: "APPROVED", label: t("caseActions.approve") },
                { value: "REJECTED", label: t("caseActions.reject") },
              ]}
            />
          </Form.Item>
          <Form.Item name="opinion" label={t("cases.opinion")}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      )}
      {action === "compulsory" && (
        <>
          <Form.Item name="measure" label={t("cases.compulsory")} rules={[{ required: true, message: t("form.required") }]}>
            <Select options={COMPULSORY.map((m) => ({ value: m, label: t(`enums.CompulsoryMeasureKind.${m}`) }))} />
          </Form.Item>
          <Form.Item name="items" label={t("caseActions.items")}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="reason" label={t("cases.reason")}>
            <Input />
          </Form.Item>
        </>
      )}
      {(action === "consent" || action === "attemptService") && (
        <>
          <Form.Item name="method" label={t("cases.method")} rules={[{ required: true, message: t("form.required") }]}>
            <Select
              options={SERVICE_METHOD.filter((m) => action === "attemptService" || m === "EMAIL" || m === "FAX").map((m) => ({
                value: m,
                label: t(`enums.ServiceMethod.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="address" label={t("cases.address")} rules={action === "consent" ? [{ required: true, message: t("form.required") }] : []}>
            <Input />
          </Form.Item>
        </>
      )}
      {action === "receipt" && (
        <Form.Item name="attemptIndex" label={t("cases.service")} rules={[{ required: true, message: t("form.required") }]}>
          <Select options={open.map(({ a, i }) => ({ value: i, label: `${i + 1}. ${t(`enums.ServiceMethod.${a.method}`)}` }))} />
        </Form.Item>
      )}
      {action === "publish" && (
        <Form.Item name="channel" label={t("cases.channel")}>
          <Input />
        </Form.Item>
      )}
      {action === "justice" && (
        <Form.Item name="reference" label={t("cases.reference")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
          <Input />
        </Form.Item>
      )}
      {rest.length > 0 && <Alert type="error" role="alert" showIcon data-testid="step-error" title={rest.join("；")} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t(`caseActions.${action}`)}
      </Button>
    </Form>
  );
}

export function CaseActions({ facts, onDone }: { facts: Facts; onDone: () => void }) {
  const { t } = useTranslation();
  const { user } = useUser();
  const roles = user?.roles ?? [];
  const legal = roles.includes("accountability_officer");
  const officer = roles.includes("enforcement_officer") && user?.agency === facts.agency;
  const mine = actions(facts).filter((a) => (SHARED_ACTIONS.includes(a) ? legal || officer : LEGAL_ACTIONS.includes(a) ? legal : officer));
  const pending = pendingReview(facts);
  const [tab, setTab] = useState<string | undefined>(undefined);
  if (facts.state === "CLOSED") return null;
  return (
    <Card title={t("caseActions.title")} size="small" style={{ marginBottom: 16 }} data-testid="case-actions">
      {pending && !legal && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("caseActions.reviewPending", { stage: t(`enums.LegalReviewStage.${pending.stage}`) })} />
      )}
      {mine.length === 0 ? (
        <Alert type="info" title={t("cases.readOnly")} />
      ) : (
        <Tabs
          activeKey={tab && mine.includes(tab as Action) ? tab : mine[0]}
          onChange={setTab}
          items={mine.map((a) => ({ key: a, label: t(`caseActions.${a}`), children: <StepForm key={`${a}-${facts.state}`} action={a} facts={facts} onDone={onDone} /> }))}
        />
      )}
    </Card>
  );
}
