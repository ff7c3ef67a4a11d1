// 工作台: the signed-in role's to-dos.
import { Card, Col, List, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { date, dateTime } from "../lib/format";
import { allowed } from "../lib/roles";
import { Page, RequestError } from "../lib/ui";
import { useUser } from "../lib/user";

const Expiring = graphql(`
  query DashboardExpiring($agency: Agency) {
    officerPage(filter: { expiringWithinDays: 30, agency: $agency }, limit: 10) {
      totalCount
      nodes { id name certificate { number validUntil nextReviewDue } }
    }
  }
`);

const Operations = graphql(`
  query DashboardOperations {
    jointOperations(status: LAUNCHED, first: 10) {
      totalCount
      edges { node { id name endsAt alerts(first: 5) { totalCount } } }
    }
  }
`);

const DrawsDue = graphql(`
  query DashboardDraws {
    draws(status: REVEALED, first: 10) {
      totalCount
      edges { node { id title resultsDue resultsOverdue } }
    }
  }
`);

function ExpiringCard() {
  const { t } = useTranslation();
  const { user } = useUser();
  const [{ data, error }] = useQuery({ query: Expiring, variables: { agency: (user?.agency as "CULTURE" | "TRANSPORT") ?? null } });
  const page = data?.officerPage;
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

const Reviews = graphql(`
  query DashboardReviews($agency: Agency) {
    officerPage(filter: { reviewDueWithinDays: 30, agency: $agency }, limit: 10) {
      totalCount
      nodes { id name certificate { nextReviewDue } }
    }
  }
`);

function ReviewsCard() {
  const { t } = useTranslation();
  const { user } = useUser();
  const [{ data, error }] = useQuery({ query: Reviews, variables: { agency: (user?.agency as "CULTURE" | "TRANSPORT") ?? null } });
  return (
    <Card title={t("dashboard.reviews")} extra={<Link to="/officers?reviewDueWithinDays=30">{t("dashboard.all")}</Link>}>
      <RequestError error={error} />
      <Statistic title={t("dashboard.reviewCount")} value={data?.officerPage.totalCount ?? 0} />
      <List
        dataSource={data?.officerPage.nodes ?? []}
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

function OperationsCard() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: Operations });
  const ops = data?.jointOperations.edges.map((e) => e!.node!) ?? [];
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

function DrawsCard() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: DrawsDue });
  const draws = data?.draws.edges.map((e) => e!.node!) ?? [];
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
  const admin = roles?.includes("certification_admin");
  return (
    <Page title={t("dashboard.title")}>
      <Row gutter={[16, 16]}>
        {admin && (
          <Col xs={24} lg={12}>
            <ExpiringCard />
          </Col>
        )}
        {admin && (
          <Col xs={24} lg={12}>
            <ReviewsCard />
          </Col>
        )}
        {allowed(roles, "operations") && (
          <Col xs={24} lg={12}>
            <OperationsCard />
          </Col>
        )}
        {allowed(roles, "drawAdmin") && (
          <Col xs={24} lg={12}>
            <DrawsCard />
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
