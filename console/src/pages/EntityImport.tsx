// 导入检查对象: an enforcement officer uploads a CSV file for their agency's directory; the
// server checks each row (registration number, name, category, risk level ...) and imports
// the valid ones; rows with errors are listed with their column and reason (nothing of them
// was imported).
import { Alert, Button, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { Agency } from "../gql/graphql";
import { errorText } from "../i18n";
import type { UserError } from "../lib/forms";
import { GREEN, RED } from "../lib/ui";

const Import = graphql(`
  mutation ImportEnforcementEntities($input: ImportEnforcementEntitiesInput!) {
    importEnforcementEntities(input: $input) {
      result { imported created merged unchanged rows { line registrationNo name errors { code message field } } }
      errors { code message field }
    }
  }
`);

const COLUMNS = ["registrationNo", "name", "category", "riskLevel", "soleProprietor", "idNumber", "address", "plate", "seats", "licence"];
const SAMPLE = "统一社会信用代码,名称,类别,风险等级,许可证号\n91411502MA9XYZ001X,浉河区星光网吧,INTERNET_CAFE,高风险,WH-411502-001";

export default function EntityImport({ agency, onDone }: { agency: Agency; onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [{ data, fetching }, run] = useMutation(Import);
  const [failure, setFailure] = useState<string | null>(null);

  const reason = (e: UserError) => {
    const column = e.field?.[e.field.length - 1];
    const text = e.code === "INVALID_INPUT" ? t("entityImport.invalid") : errorText(e.code, e.message);
    return column && COLUMNS.includes(column) ? `${t(`entityImport.columns.${column}`)}：${text}` : text;
  };

  const submit = async () => {
    setFailure(null);
    if (!file) return setFailure(t("entityImport.chooseFirst"));
    const r = await run({ input: { agency, csv: await file.text() } });
    const payload = r.data?.importEnforcementEntities;
    if (!payload) setFailure(errorText(r.error?.graphQLErrors?.[0]?.extensions?.code as string ?? (r.error?.networkError ? "NETWORK_ERROR" : "INTERNAL_ERROR")));
    else if (payload.errors.length) setFailure(payload.errors.map((e) => `${errorText(e.code)}（${e.message}）`).join("；"));
    else onDone();
  };

  const result = data?.importEnforcementEntities.result;
  const bad = result ? result.rows.filter((r) => r.errors.length).length : 0;
  return (
    <Card title={t("entityImport.title")} style={{ marginBottom: 16 }} data-testid="entity-import">
      <Typography.Paragraph>{t("entityImport.explain")}</Typography.Paragraph>
      <pre style={{ background: "#f5f5f5", padding: 8, overflowX: "auto" }}>{SAMPLE}</pre>
      <Space wrap>
        <label htmlFor="entity-csv">{t("entityImport.file")}</label>
        <input id="entity-csv" type="file" accept=".csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setFailure(null); }} />
        <Button type="primary" onClick={submit} loading={fetching}>
          {t("entityImport.submit")}
        </Button>
      </Space>
      {failure && <Alert type="error" role="alert" title={failure} style={{ marginTop: 16 }} />}
      {result && (
        <>
          <Alert
            role="status"
            data-testid="entity-import-summary"
            type={bad ? "warning" : "success"}
            title={t("entityImport.summary", { imported: result.imported, created: result.created, merged: result.merged, bad })}
            style={{ margin: "16px 0" }}
          />
          <Table
            rowKey="line"
            size="small"
            pagination={false}
            dataSource={result.rows}
            columns={[
              { title: t("entityImport.line"), dataIndex: "line", width: 80 },
              { title: t("entityImport.columns.registrationNo"), render: (_, r) => r.registrationNo ?? "—" },
              { title: t("entityImport.columns.name"), render: (_, r) => r.name ?? "—" },
              {
                title: t("entityImport.outcome"),
                render: (_, r) =>
                  r.errors.length ? (
                    <Space direction="vertical" size={0}>
                      <Tag color={RED}>{t("entityImport.notImported")}</Tag>
                      {r.errors.map((e, i) => <span key={i}>{reason(e)}</span>)}
                    </Space>
                  ) : (
                    <Tag color={GREEN}>{t("entityImport.imported")}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
