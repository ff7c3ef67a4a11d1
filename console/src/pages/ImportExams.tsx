// 导入考试成绩: an administrator uploads a CSV file; the server checks and records each row
// on its own and answers per row. Rows with errors are listed with the column and the
// reason (nothing of them was recorded); the valid rows are recorded.
import { Alert, Button, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { errorText } from "../i18n";
import type { UserError } from "../lib/forms";
import { GREEN, Page, RED } from "../lib/ui";

const Import = graphql(`
  mutation ImportExamResults($input: ImportExamResultsInput!) {
    importExamResults(input: $input) {
      result { recorded rows { line officerId name errors { code message field } } }
      errors { code message field }
    }
  }
`);

const COLUMNS = ["idNumber", "name", "exam", "score", "takenOn"];
const SAMPLE = "公民身份号码,姓名,考试科目,成绩,考试日期\n411502199001010023,周晓梅,公共法律知识考试,86,2026-03-02";

export default function ImportExams() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [{ data, fetching }, run] = useMutation(Import);
  const [failure, setFailure] = useState<string | null>(null);

  const reason = (e: UserError) => {
    const column = e.field?.[0];
    const known = column && COLUMNS.includes(column);
    const text =
      e.code === "INVALID_INPUT" && known
        ? t(`examImport.invalid.${column}`)
        : e.code === "NOT_FOUND" && column === "idNumber"
          ? t("examImport.notFound")
          : errorText(e.code, e.message);
    return known ? `${t(`examImport.columns.${column}`)}：${text}` : text;
  };

  const submit = async () => {
    setFailure(null);
    if (!file) return setFailure(t("examImport.chooseFirst"));
    const r = await run({ input: { csv: await file.text() } });
    const payload = r.data?.importExamResults;
    if (!payload) setFailure(errorText(r.error?.networkError ? "NETWORK_ERROR" : "INTERNAL_ERROR"));
    else if (payload.errors.length) setFailure(payload.errors.map((e) => `${errorText(e.code)}（${e.message}）`).join("；"));
  };

  const result = data?.importExamResults.result;
  const bad = result ? result.rows.filter((r) => r.errors.length).length : 0;
  return (
    <Page title={t("examImport.title")}>
      <Card style={{ maxWidth: 900, marginBottom: 16 }}>
        <Typography.Paragraph>{t("examImport.explain")}</Typography.Paragraph>
        <pre style={{ background: "#f5f5f5", padding: 8, overflowX: "auto" }}>{SAMPLE}</pre>
        <Space wrap>
          <label htmlFor="exam-csv">{t("examImport.file")}</label>
          <input
            id="exam-csv"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFailure(null);
            }}
          />
          <Button type="primary" onClick={submit} loading={fetching}>
            {t("examImport.submit")}
          </Button>
        </Space>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginTop: 16 }} />}
      </Card>
      {result && (
        <Card title={t("examImport.result")}>
          <Alert
            role="status"
            data-testid="import-summary"
            type={bad ? "warning" : "success"}
            title={t("examImport.summary", { recorded: result.recorded, bad })}
            style={{ marginBottom: 16 }}
          />
          <Table
            rowKey="line"
            size="small"
            pagination={false}
            dataSource={result.rows}
            columns={[
              { title: t("examImport.line"), dataIndex: "line", width: 80 },
              {
                title: t("examImport.columns.name"),
                render: (_, r) => (r.officerId ? <Link to={`/officers/${r.officerId}`}>{r.name}</Link> : (r.name ?? "—")),
              },
              {
                title: t("examImport.outcome"),
                render: (_, r) =>
                  r.errors.length ? (
                    <Space direction="vertical" size={0}>
                      <Tag color={RED}>{t("examImport.notRecorded")}</Tag>
                      {r.errors.map((e, i) => (
                        <span key={i}>{reason(e)}</span>
                      ))}
                    </Space>
                  ) : (
                    <Tag color={GREEN}>{t("examImport.recorded")}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </Page>
  );
}
