// Small pieces every screen uses: the page heading, a request's error, enum labels.
import { Alert, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";
import { errorText } from "../i18n";

export function Page({ title, extra, children }: { title: string; extra?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 16 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Space>
      {children}
    </section>
  );
}

export function RequestError({ error }: { error?: CombinedError }) {
  if (!error) return null;
  const texts = error.networkError
    ? [errorText("NETWORK_ERROR")]
    : error.graphQLErrors.map((e) => errorText((e.extensions?.code as string) || "INTERNAL_ERROR", e.message));
  return <Alert type="error" role="alert" showIcon title={[...new Set(texts)].join("；")} style={{ marginBottom: 16 }} />;
}

const COLOURS: Record<string, string> = {
  VALID: "green",
  ACTIVE: "green",
  LAUNCHED: "blue",
  SUSPENDED: "orange",
  OFF_POST_TRAINING: "orange",
  REVOKED: "red",
  EXPIRED: "default",
  REMOVED_FROM_POST: "red",
  COMPLETED: "green",
  CANCELLED: "default",
  REVEALED: "blue",
  RESULTS_PUBLISHED: "green",
};

/** An enum value as a tag, in the reader's language (`enums.<Enum>.<VALUE>`). */
export function EnumTag({ kind, value }: { kind: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <>—</>;
  return <Tag color={COLOURS[value] ?? "default"}>{t(`enums.${kind}.${value}`)}</Tag>;
}
