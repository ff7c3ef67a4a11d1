// One published draw: its document to download and its verification, for anyone.
import { Button, Card, Col, Descriptions, Result, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { dateTime } from "../lib/format";
import { EnumTag, Page, RequestError } from "../lib/ui";
import { Verification } from "./Verification";

const One = graphql(`
  query PublicDraw($id: ID!) { publishedDraw(id: $id) { drawId title status revealedAt resultHash document } }
`);

export default function PublicDraw() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: One, variables: { id } });
  const draw = data?.publishedDraw;
  if (!fetching && data && !draw) return <Result status="404" title={<h1 style={{ fontSize: 22 }}>{t("public.notPublished")}</h1>} />;
  const download = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([draw!.document], { type: "application/json" }));
    link.download = `draw-${draw!.drawId}.json`;
    link.click();
  };
  return (
    <Page title={draw?.title ?? t("public.drawsTitle")}>
      <RequestError error={error} />
      {draw && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card>
              <Descriptions column={1}>
                <Descriptions.Item label={t("draws.status")}>
                  <EnumTag kind="DrawStatus" value={draw.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t("draws.revealedAt")}>{dateTime(draw.revealedAt)}</Descriptions.Item>
                <Descriptions.Item label={t("public.resultHash")}>
                  <Typography.Text code>{draw.resultHash ?? "—"}</Typography.Text>
                </Descriptions.Item>
              </Descriptions>
              <Button onClick={download}>{t("public.download")}</Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t("public.verifyYourself")}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col span={24}>
            <Verification drawId={draw.drawId} />
          </Col>
        </Row>
      )}
    </Page>
  );
}
