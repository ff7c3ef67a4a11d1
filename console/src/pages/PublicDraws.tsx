// 公示: published draws, for anyone, no sign-in.
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { date, dateTime } from "../lib/format";
import { EnumTag, Page, RequestError } from "../lib/ui";

const Published = graphql(`
  query PublicDraws {
    publishedDraws(first: 100) {
      totalCount
      edges { node { drawId title status revealedAt entityCount inspectorCount resultsDue resultsPublishedOn } }
    }
  }
`);

export default function PublicDraws() {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: Published });
  return (
    <Page title={t("public.drawsTitle")}>
      <p>{t("public.drawsIntro")}</p>
      <RequestError error={error} />
      <Table
        rowKey="drawId"
        loading={fetching}
        dataSource={data?.publishedDraws.edges.map((e) => e!.node!) ?? []}
        columns={[
          { title: t("draws.name"), dataIndex: "title", render: (v, d) => <Link to={`/public/draws/${d.drawId}`}>{v}</Link> },
          { title: t("draws.status"), dataIndex: "status", render: (s) => <EnumTag kind="DrawStatus" value={s} /> },
          { title: t("draws.revealedAt"), dataIndex: "revealedAt", render: (d) => dateTime(d) },
          { title: t("draws.entities"), dataIndex: "entityCount" },
          { title: t("draws.inspectors"), dataIndex: "inspectorCount" },
          { title: t("draws.resultsDue"), dataIndex: "resultsDue", render: (d) => date(d) },
        ]}
      />
    </Page>
  );
}
