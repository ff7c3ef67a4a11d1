// 制定联合执法行动: name, agencies, window (Asia/Shanghai), legal basis, areas.
import { Alert, Button, Card, DatePicker, Form, Input, Select } from "antd";
import type dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { errorText } from "../i18n";
import { AGENCY } from "../lib/enums";
import { shanghaiIso } from "../lib/format";
import { placeErrors, useDraft } from "../lib/forms";
import { Page } from "../lib/ui";

const Plan = graphql(`
  mutation PlanOperation($input: PlanJointOperationInput!) {
    planJointOperation(input: $input) { operation { id } errors { code message field } }
  }
`);

export default function PlanOperation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const draft = useDraft("plan-operation", form);
  const [, plan] = useMutation(Plan);
  const [rest, setRest] = useState<string[]>([]);

  const submit = async (v: Record<string, any>) => {
    setRest([]);
    const [start, end] = v.window as [dayjs.Dayjs, dayjs.Dayjs];
    const r = await plan({
      input: {
        name: v.name,
        agencies: v.agencies,
        leadAgency: v.leadAgency,
        startsAt: shanghaiIso(start),
        endsAt: shanghaiIso(end),
        legalBasis: v.legalBasis,
        areas: (v.areas ?? "").split(/[,，、\n]/).map((a: string) => a.trim()).filter(Boolean),
      },
    });
    const payload = r.data?.planJointOperation;
    if (payload?.operation) {
      draft.clear();
      navigate(`/operations/${payload.operation.id}`);
    } else if (payload) {
      setRest(placeErrors(form, payload.errors, ["name", "agencies", "leadAgency", "legalBasis", "areas"]));
      if (payload.errors.some((e) => e.field?.includes("startsAt") || e.field?.includes("endsAt")))
        form.setFields([{ name: "window", errors: payload.errors.map((e) => errorText(e.code, e.message)) }]);
    } else setRest([errorText(r.error?.networkError ? "NETWORK_ERROR" : "INTERNAL_ERROR")]);
  };

  return (
    <Page title={t("operations.plan")}>
      <Card style={{ maxWidth: 640 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={(changed, all) => draft.onValuesChange(changed, { ...all, window: undefined })}
          initialValues={{ agencies: ["CULTURE", "TRANSPORT"], leadAgency: "CULTURE" }}
        >
          <Form.Item name="name" label={t("operations.name")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="agencies" label={t("operations.agencies")} rules={[{ required: true, message: t("form.required") }]}>
            <Select mode="multiple" options={AGENCY.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))} />
          </Form.Item>
          <Form.Item name="leadAgency" label={t("operations.lead")}>
            <Select options={AGENCY.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))} />
          </Form.Item>
          <Form.Item name="window" label={t("operations.window")} rules={[{ required: true, message: t("form.required") }]}>
            <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="legalBasis" label={t("operations.legalBasis")}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="areas" label={t("operations.areas")} extra={t("operations.areasHelp")}>
            <Input />
          </Form.Item>
          {rest.length > 0 && <Alert type="error" role="alert" title={rest.join("；")} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit">
            {t("operations.planSubmit")}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
