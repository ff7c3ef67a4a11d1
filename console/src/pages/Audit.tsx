// 操作日志: the audit trail for accountability staff — who did what, filtered by subject,
// actor and period (Asia/Shanghai), newest first, with the whole trail's chain check.
import { Alert, Button, DatePicker, Form, Input, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { dateTime, shanghaiIso } from "../lib/format";
import { FilterButtons, usePageNumbers } from "../lib/paging";
import { Page, RequestError } from "../lib/ui";

const Trail = graphql(`
  query AuditTrail($subjectId: ID, $actorSubject: String, $from: DateTime, $to: DateTime, $first: Int, $offset: Int) {
    auditTrail(subjectId: $subjectId, actorSubject: $actorSubject, from: $from, to: $to, first: $first, offset: $offset) {
      totalCount
      edges { node { eventId at eventType subjectIds correlationId actor { subject roles agency } } }
    }
  }
`);
const Check = graphql(`
  query AuditTrailCheck { auditTrailCheck { intact index reason entries } }
`);

export default function Audit() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const subjectId = params.get("subjectId") || undefined;
  const actorSubject = params.get("actor") || undefined;
  const from = params.get("from") || undefined;
  const to = params.get("to") || undefined;
  const pages = usePageNumbers(50, [subjectId, actorSubject, from, to]);
  const [{ data, error, fetching }] = useQuery({ query: Trail, variables: { subjectId, actorSubject, from, to, first: pages.first, offset: pages.offset } });
  const [check] = useQuery({ query: Check });
  const c = check.data?.auditTrailCheck;

  const search = (v: Record<string, any>) => {
    const next = new URLSearchParams();
    if (v.subjectId) next.set("subjectId", v.subjectId.trim());
    if (v.actor) next.set("actor", v.actor.trim());
    if (v.period?.[0]) next.set("from", shanghaiIso(v.period[0].startOf("day")));
    if (v.period?.[1]) next.set("to", shanghaiIso(v.period[1].add(1, "day").startOf("day")));
    setParams(next);
  };
  const initial = { subjectId, actor: actorSubject, period: from && to ? [dayjs(from), dayjs(to).subtract(1, "day")] : undefined };
  const page = data?.auditTrail;

  return (
    <Page title={t("audit.title")}>
      {c && (
        <Alert
          type={c.intact ? "success" : "error"}
          showIcon
          data-testid="trail-check"
          style={{ marginBottom: 16 }}
          title={t("cases.labelled", { label: t("audit.check"), value: c.intact ? t("audit.intact", { count: c.entries }) : t("audit.broken", { index: c.index ?? 0, reason: c.reason ?? "" }) })}
        />
      )}
      <Form form={form} layout="inline" name="audit-filter" initialValues={initial} onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="subjectId" label={t("audit.subjectId")}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="actor" label={t("audit.actor")}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="period" label={t("audit.period")}>
          <DatePicker.RangePicker />
        </Form.Item>
        <FilterButtons search={t("audit.search")} reset={t("audit.reset")} onReset={() => { form.resetFields(); setParams(new URLSearchParams()); }} />
      </Form>
      <RequestError error={error} />
      <Table
        rowKey="eventId"
        size="small"
        loading={fetching}
        dataSource={(page?.edges ?? []).map((e) => e!.node!)}
        pagination={pages.table(page?.totalCount, (count) => t("audit.total", { count }))}
        columns={[
          { title: t("audit.at"), dataIndex: "at", render: (d) => dateTime(d), width: 170 },
          {
            title: t("audit.actor"),
            render: (_, e) =>
              e.actor ? (
                <>
                  {e.actor.subject.startsWith("system:") ? `${t("audit.system")} · ` : ""}
                  {e.actor.subject}
                  {e.actor.roles.length > 0 && (
                    <Typography.Text type="secondary">（{e.actor.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join("、")}）</Typography.Text>
                  )}
                </>
              ) : (
                "—"
              ),
          },
          { title: t("audit.event"), dataIndex: "eventType", render: (v) => <Typography.Text code>{v}</Typography.Text> },
          { title: t("audit.subjects"), dataIndex: "subjectIds", render: (ids: string[]) => ids.join("、") || "—" },
          { title: t("audit.correlation"), dataIndex: "correlationId", render: (v) => <Typography.Text type="secondary">{v.slice(0, 8)}</Typography.Text> },
        ]}
      />
    </Page>
  );
}
