// A draw's verification: anyone can recompute the draw from its published document.
import { Alert, Button, Card, List } from "antd";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { RequestError } from "../lib/ui";

const Verify = graphql(`
  query VerifyDraw($id: ID!) { drawVerification(id: $id) { drawId verified differences } }
`);

export function Verification({ drawId }: { drawId: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, run] = useQuery({ query: Verify, variables: { id: drawId }, pause: true });
  const answer = data?.drawVerification;
  return (
    <Card title={t("verify.title")}>
      <p>{t("verify.explain")}</p>
      <Button type="primary" loading={fetching} onClick={() => run({ requestPolicy: "network-only" })}>
        {t("verify.run")}
      </Button>
      <RequestError error={error} />
      {answer && (
        <div role="status" data-testid="verification" style={{ marginTop: 16 }}>
          {answer.verified ? (
            <Alert type="success" showIcon title={t("verify.ok")} />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t("verify.failed")}
              description={<List size="small" dataSource={[...answer.differences]} renderItem={(d) => <List.Item>{d}</List.Item>} />}
            />
          )}
        </div>
      )}
      {data && !answer && <Alert type="warning" title={t("verify.notPublished")} style={{ marginTop: 16 }} />}
    </Card>
  );
}
