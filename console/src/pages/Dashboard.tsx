// 工作台: the signed-in role's to-dos.
import { Card, Col, List, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type CombinedError, useQuery } from "urql";
import { graphql } from "../gql";
import type { DashboardQuery } from "../gql/graphql";
import { date, dateTime } from "../lib/format";
import { allowed } from "../lib/roles";
import { Page, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";

// One request for every card: each card's part is included only for the roles that see it
// (a request per card cost a round trip each before the first content).
const Todos = graphql(`
  query Dashboard($agency: Agency, $admin: Boolean!, $operations: Boolean!, $draws: Boolean!) {
    expiring: officerPage(filter: { expiringWithinDays: 30, agency: $agency }, limit: 10)
      @include(if: $admin) {
      totalCount
      nodes { id name certificate { number validUntil nextReviewDue } }
    }
    reviews: officerPage(filter: { reviewDueWithinDays: 30, agency: $agency }, limit: 10)
      @include(if: $admin) {
      totalCount
      nodes { id name certificate { nextReviewDue } }
    }
    jointOperations(status: LAUNCHED, first: 10) @include(if: $operations) {
      totalCount
      edges { node { id name endsAt alerts(first: 5) { totalCount } } }
    }
    draws(status: REVEALED, first: 10) @include(if: $draws) {
      totalCount
      edges { node { id title resultsDue resultsOverdue } }
    }
  }
`);

type CardProps = { data: DashboardQuery | undefined; error: CombinedError | undefined };

function ExpiringCard({ data, error }: CardProps) {
  const { t } = useTranslation();
  const page = data?.expiring;
  return (
    <Card title={t("dashboard.expiring")} extra={<Link to="/officers?expiringWithinDays=30">{t("dashboard.all")}</Link>}>
      <RequestError error={error} />
      <Statistic title={t("dashboard.expiringCount")} value={page?.totalCount ?? 0} />
      <List
        dataSource={page?.nodes ?? []}
        locale={{ emptyText: t("dashboard.none") }}
        renderItem={(o) => (
          <List.Item>
            <Link to={`/officers/${o.id}`}>{o.name}</Link>
            <span>{t("dashboard.validUntil", { date: date(o.certificate?.validUntil) })}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}

function ReviewsCard({ data, error }: CardProps) {
  const { t } = useTranslation();
  const page = data?.reviews;
  return (
    <Card title={t("dashboard.reviews")} extra={<Link to="/officers?reviewDueWithinDays=30">{t("dashboard.all")}</Link>}>
      <RequestError error={error} />
      <Statistic title={t("dashboard.reviewCount")} value={page?.totalCount ?? 0} />
      <List
        dataSource={page?.nodes ?? []}
        locale={{ emptyText: t("dashboard.none") }}
        renderItem={(o) => (
          <List.Item>
            <Link to={`/officers/${o.id}`}>{o.name}</Link>
            <span>{t("dashboard.reviewDue", { date: date(o.certificate?.nextReviewDue) })}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}

function OperationsCard({ data, error }: CardProps) {
  const { t } = useTranslation();
  const ops = data?.jointOperations?.edges.map((e) => e!.node!) ?? [];
  return (
    <Card title={t("dashboard.operations")} extra={<Link to="/operations">{t("dashboard.all")}</Link>}>
      <RequestError error={error} />
      <List
        dataSource={ops}
        locale={{ emptyText: t("dashboard.none") }}
        renderItem={(op) => (
          <List.Item>
            <Link to={`/operations/${op.id}`}>{op.name}</Link>
            <span>
              {op.alerts.totalCount > 0
                ? t("dashboard.alerts", { count: op.alerts.totalCount })
                : t("dashboard.endsAt", { date: dateTime(op.endsAt) })}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

function DrawsCard({ data, error }: CardProps) {
  const { t } = useTranslation();
  const draws = data?.draws?.edges.map((e) => e!.node!) ?? [];
  return (
    <Card title={t("dashboard.draws")} extra={<Link to="/draws">{t("dashboard.all")}</Link>}>
      <RequestError error={error} />
      <List
        dataSource={draws}
        locale={{ emptyText: t("dashboard.none") }}
        renderItem={(d) => (
          <List.Item>
            <Link to={`/draws/${d.id}`}>{d.title}</Link>
            <span style={{ color: d.resultsOverdue ? "#b91c1c" : undefined }}>
              {t(d.resultsOverdue ? "dashboard.overdue" : "dashboard.resultsDue", { date: date(d.resultsDue) })}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { user } = useUser();
  const roles = user?.roles;
  const admin = !!roles?.includes("certification_admin");
  const [{ data, error }] = useQuery({
    query: Todos,
    variables: {
      agency: (user?.agency as "CULTURE" | "TRANSPORT") ?? null,
      admin,
      operations: allowed(roles, "operations"),
      draws: allowed(roles, "drawAdmin"),
    },
  });
  const shown = { data, error };
  return (
    <Page title={t("dashboard.title")}>
      <Row gutter={[16, 16]}>
        {admin && (
          <Col xs={24} lg={12}>
            <ExpiringCard {...shown} />
          </Col>
        )}
        {admin && (
          <Col xs={24} lg={12}>
            <ReviewsCard {...shown} />
          </Col>
        )}
        {allowed(roles, "operations") && (
          <Col xs={24} lg={12}>
            <OperationsCard {...shown} />
          </Col>
        )}
        {allowed(roles, "drawAdmin") && (
          <Col xs={24} lg={12}>
            <DrawsCard {...shown} />
          </Col>
        )}
        {roles?.includes("cross_agency") && (
          <Col xs={24} lg={12}>
            <Card title={t("dashboard.crossAgency")}>
              <Link to="/draws">{t("nav.draws")}</Link>
            </Card>
          </Col>
        )}
      </Row>
    </Page>
  );
}
