// 登记执法人员: the ID number is checked as it is typed (the service checks it again).
import { Alert, Button, Card, Form, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { errorText } from "../i18n";
import { AGENCY } from "../lib/enums";
import { placeErrors, useDraft } from "../lib/forms";
import { normalise, validIdNumber } from "../lib/idnumber";
import { Page } from "../lib/ui";
import { useUser } from "../lib/user";

const Register = graphql(`
  mutation RegisterOfficer($input: RegisterOfficerInput!) {
    registerOfficer(input: $input) {
      officer { id name }
      errors { code message field }
    }
  }
`);

export default function RegisterOfficer() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useUser();
  const [form] = Form.useForm();
  const draft = useDraft("register-officer", form);
  const [, register] = useMutation(Register);
  const [rest, setRest] = useState<string[]>([]);

  const submit = async (values: { name: string; agency: "CULTURE" | "TRANSPORT"; idNumber: string }) => {
    setRest([]);
    const result = await register({ input: { ...values, idNumber: normalise(values.idNumber) } });
    const payload = result.data?.registerOfficer;
    if (payload?.officer) {
      draft.clear();
      navigate(`/officers/${payload.officer.id}`);
    } else if (payload) {
      setRest(placeErrors(form, payload.errors, ["name", "agency", "idNumber"]));
    } else if (result.error) {
      setRest([errorText(result.error.networkError ? "NETWORK_ERROR" : "INTERNAL_ERROR")]);
    }
  };

  return (
    <Page title={t("register.title")}>
      <Card style={{ maxWidth: 560 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={draft.onValuesChange}
          initialValues={{ agency: user?.agency ?? "CULTURE" }}
        >
          <Form.Item name="name" label={t("register.name")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item name="agency" label={t("register.agency")} rules={[{ required: true, message: t("form.required") }]}>
            <Select options={AGENCY.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))} />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t("register.idNumber")}
            extra={t("register.idNumberHelp")}
            validateTrigger="onChange"
            rules={[
              { required: true, message: t("form.required") },
              {
                validator: (_, value) =>
                  !value || validIdNumber(value) ? Promise.resolve() : Promise.reject(new Error(errorText("INVALID_ID_NUMBER"))),
              },
            ]}
          >
            <Input maxLength={18} autoComplete="off" inputMode="text" />
          </Form.Item>
          {rest.length > 0 && <Alert type="error" role="alert" title={rest.join("；")} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit">
            {t("register.submit")}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
