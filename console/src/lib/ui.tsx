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

// Solid tags with white text: antd's light preset tags fail WCAG AA contrast.
export const GREEN = "#15803d";
export const RED = "#b91c1c";
const BLUE = "#1d4ed8";
const ORANGE = "#b45309";
const COLOURS: Record<string, string> = {
  VALID: GREEN,
  ACTIVE: GREEN,
  LAUNCHED: BLUE,
  SUSPENDED: ORANGE,
  OFF_POST_TRAINING: ORANGE,
  REVOKED: RED,
  EXPIRED: "default",
  REMOVED_FROM_POST: RED,
  COMPLETED: GREEN,
  CANCELLED: "default",
  REVEALED: BLUE,
  RESULTS_PUBLISHED: GREEN,
};

/** An enum value as a tag, in the reader's language (`enums.<Enum>.<VALUE>`). */
export function EnumTag({ kind, value }: { kind: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <>—</>;
  return <Tag color={COLOURS[value] ?? "default"}>{t(`enums.${kind}.${value}`)}</Tag>;
}
