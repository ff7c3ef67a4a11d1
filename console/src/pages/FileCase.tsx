// 立案登记: an enforcement officer files a case against an entity of the directory, with
// at least two officers; refusals (TOO_FEW_OFFICERS, POWER_NOT_HELD ...) on their fields.
import { Alert, Button, Card, Checkbox, Form, Radio, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { Agency } from "../gql/graphql";
import { errorText } from "../i18n";
import { CASE_KIND, VIOLATIONS } from "../lib/cases";
import { placeErrors, useDraft } from "../lib/forms";
import { Page } from "../lib/ui";
import { useUser } from "../lib/user";

const Entities = graphql(`
  query CaseEntities($agency: Agency!, $namePrefix: String) {
    enforcementEntities(agency: $agency, namePrefix: $namePrefix, first: 20) { edges { node { id name domain category } } }
  }
`);
export const AgencyOfficers = graphql(`
  query AgencyOfficers($agency: Agency!) {
    officerPage(filter: { agency: $agency }, limit: 100) { nodes { id name certificate { status } } }
  }
`);
const File = graphql(`
  mutation FileCase($input: FileCaseInput!) { fileCase(input: $input) { case { id } errors { code message field } } }
`);

const FIELDS = ["entityId", "officerIds", "violationCode", "complex", "kind"];

export default function FileCase() {
  const { t } = useTranslation();
  const { user } = useUser();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const draft = useDraft("fileCase", form);
  const agency = (user?.agency ?? "CULTURE") as Agency;
  const [prefix, setPrefix] = useState("");
  const [rest, setRest] = useState<string[]>([]);
  const [entities] = useQuery({ query: Entities, variables: { agency, namePrefix: prefix || undefined } });
  const [officers] = useQuery({ query: AgencyOfficers, variables: { agency } });
  const [state, file] = useMutation(File);
  const entityId = Form.useWatch("entityId", form);
  const found = (entities.data?.enforcementEntities.edges ?? []).map((e) => e!.node!);
  const domain = found.find((e) => e.id === entityId)?.domain;
  const codes = domain ? (VIOLATIONS[agency]?.[domain] ?? []) : Object.values(VIOLATIONS[agency] ?? {}).flat();

  const submit = async (v: Record<string, any>) => {
    setRest([]);
    const input = { agency, entityId: v.entityId, officerIds: v.officerIds ?? [], violationCode: v.violationCode, complex: !!v.complex, kind: v.kind };
    const r = await file({ input });
    const payload = r.data?.fileCase;
    if (payload?.case) {
      draft.clear();
      navigate(`/cases/${payload.case.id}`);
    } else {
      setRest(payload ? placeErrors(form, payload.errors, FIELDS) : [errorText(r.error?.graphQLErrors[0]?.extensions?.code as string ?? "INTERNAL_ERROR")]);
    }
  };

  return (
    <Page title={t("cases.fileTitle")}>
      <Card style={{ maxWidth: 720 }}>
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={draft.onValuesChange} initialValues={{ kind: "PENALTY" }}>
          <Form.Item name="entityId" label={t("cases.entity")} rules={[{ required: true, message: t("form.required") }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setPrefix }}
              placeholder={t("cases.entitySearch")}
              options={found.map((e) => ({ value: e.id, label: `${e.name}（${t(`enums.EntityCategory.${e.category}`)}）` }))}
            />
          </Form.Item>
          <Form.Item name="violationCode" label={t("cases.violation")} rules={[{ required: true, message: t("form.required") }]}>
            <Select options={codes.map((c) => ({ value: c, label: t(`enums.ViolationCode.${c}`) }))} />
          </Form.Item>
          <Form.Item name="officerIds" label={t("cases.officers")} rules={[{ required: true, message: t("form.required") }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: "label" }}
              options={(officers.data?.officerPage.nodes ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t("cases.kind")}>
            <Radio.Group options={CASE_KIND.map((k) => ({ value: k, label: t(`enums.EnforcementCaseKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="complex" valuePropName="checked">
            <Checkbox>{t("cases.complex")}</Checkbox>
          </Form.Item>
          {rest.length > 0 && <Alert type="error" role="alert" showIcon title={rest.join("；")} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={state.fetching}>
            {t("cases.file")}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
