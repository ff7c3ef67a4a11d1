// 新建抽查: an agency batch (or a joint operation's draw) with an inspection rate per tier.
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { errorText } from "../i18n";
import { AGENCY, DOMAIN, DOMAIN_AGENCY, TIERS } from "../lib/enums";
import { placeErrors, useDraft } from "../lib/forms";
import { Page } from "../lib/ui";

const Create = graphql(`
  mutation CreateDraw($input: CreateDrawInput!) {
    createDraw(input: $input) { draw { id } errors { code message field } }
  }
`);

const DEFAULT_RATES = { LOW: 5, MEDIUM: 10, HIGH: 20 };

export default function CreateDraw() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const draft = useDraft("create-draw", form, ["inspectionDate"]);
  const [, create] = useMutation(Create);
  const [rest, setRest] = useState<string[]>([]);
  const agency = Form.useWatch("agency", form);

  const submit = async (v: Record<string, any>) => {
    setRest([]);
    const r = await create({
      input: {
        title: v.title,
        agency: v.agency,
        domains: v.domains,
        inspectionDate: (v.inspectionDate as dayjs.Dayjs).format("YYYY-MM-DD"),
        resultsDueWorkdays: v.resultsDueWorkdays,
        rules: { tierRates: TIERS.map((tier) => ({ tier, rate: String((v.rates?.[tier] ?? 0) / 100) })) },
      },
    });
    const payload = r.data?.createDraw;
    if (payload?.draw) {
      draft.clear();
      navigate(`/draws/${payload.draw.id}`);
    } else if (payload) {
      setRest(placeErrors(form, payload.errors, ["title", "agency", "domains", "inspectionDate", "resultsDueWorkdays"]));
    } else setRest([errorText(r.error?.networkError ? "NETWORK_ERROR" : "INTERNAL_ERROR")]);
  };

  return (
    <Page title={t("draws.create")}>
      <Card style={{ maxWidth: 640 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={draft.onValuesChange}
          initialValues={{ agency: "CULTURE", rates: DEFAULT_RATES, resultsDueWorkdays: 20 }}
        >
          <Form.Item name="title" label={t("draws.name")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="agency" label={t("draws.agency")} rules={[{ required: true, message: t("form.required") }]}>
            <Select options={AGENCY.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))} />
          </Form.Item>
          <Form.Item name="domains" label={t("draws.domains")} rules={[{ required: true, message: t("form.required") }]}>
            <Select
              mode="multiple"
              options={DOMAIN.filter((d) => !agency || DOMAIN_AGENCY[d] === agency).map((d) => ({
                value: d,
                label: t(`enums.EnforcementDomain.${d}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="inspectionDate" label={t("draws.inspectionDate")} rules={[{ required: true, message: t("form.required") }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          {TIERS.map((tier) => (
            <Form.Item key={tier} name={["rates", tier]} label={t("draws.rateFor", { tier: t(`enums.RiskLevel.${tier}`) })}>
              <InputNumber min={0} max={100} suffix="%" style={{ width: 160 }} />
            </Form.Item>
          ))}
          <Form.Item name="resultsDueWorkdays" label={t("draws.resultsDueWorkdays")}>
            <InputNumber min={1} max={60} style={{ width: 160 }} />
          </Form.Item>
          {rest.length > 0 && <Alert type="error" role="alert" title={rest.join("；")} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit">
            {t("draws.create")}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
