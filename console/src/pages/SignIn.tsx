// Sign-in: the development role picker when the gateway allows it (JOINTOPS_DEV_LOGIN=1);
// otherwise how to sign in (a link with #token=… from the administrator).
import { Alert, Button, Card, Form, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { errorText } from "../i18n";
import { AGENCIES, currentUser, decode, ROLES, signIn, takeReturn } from "../lib/auth";
import { Page } from "../lib/ui";
import { useUser } from "../lib/user";

export default function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const { setUser } = useUser();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Arrived here signed in (a #token= link opened after a session ended): go back.
    if (currentUser()) done();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    fetch("/auth/dev-login")
      .then((r) => r.json())
      .then((body) => setEnabled(Boolean(body.enabled)))
      .catch(() => setEnabled(false));
  }, []);

  const done = () => {
    setUser(currentUser());
    const from = (location.state as { from?: string } | null)?.from;
    navigate(takeReturn() || from || "/", { replace: true });
  };

  const submit = async (values: { role: string; agency?: string }) => {
    setError(null);
    const r = await fetch("/auth/dev-login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ role: values.role, agency: values.agency || null }),
    }).catch(() => null);
    const body = r ? await r.json().catch(() => ({})) : {};
    if (r?.ok && body.token && decode(body.token)) {
      signIn(body.token);
      done();
    } else {
      setError(errorText(body.errors?.[0]?.extensions?.code ?? "NETWORK_ERROR"));
    }
  };

  return (
    <Page title={t("signIn.title")}>
      {params.get("expired") && <Alert type="warning" showIcon title={t("signIn.expired")} style={{ marginBottom: 16 }} />}
      <Card style={{ maxWidth: 480 }}>
        {enabled === false && <Alert type="info" showIcon title={t("signIn.useLink")} />}
        {enabled && (
          <Form layout="vertical" onFinish={submit} initialValues={{ role: "certification_admin", agency: "CULTURE" }}>
            <Alert type="warning" title={t("signIn.devOnly")} style={{ marginBottom: 16 }} />
            <Form.Item name="role" label={t("signIn.role")} rules={[{ required: true, message: t("form.required") }]}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
            <Form.Item name="agency" label={t("signIn.agency")}>
              <Select
                allowClear
                options={AGENCIES.map((a) => ({ value: a, label: t(`enums.Agency.${a}`) }))}
                placeholder={t("signIn.noAgency")}
              />
            </Form.Item>
            {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit">
              {t("app.signIn")}
            </Button>
          </Form>
        )}
      </Card>
    </Page>
  );
}
