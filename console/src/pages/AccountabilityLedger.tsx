// 整改台账: the rectification ledger with owners and deadline colours (red: overdue,
// orange: due within 3 days, green: done), fix on the spot, rectify, verify, and the
// filtered ledger exported as Excel by the server (/exports/ledger.xlsx).
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { LedgerItemStatus } from "../gql/graphql";
import { errorText } from "../i18n";
import { daysLeft } from "../lib/cases";
import { downloadWithToken } from "../lib/download";
import { placeErrors } from "../lib/forms";
import { date, dateTime } from "../lib/format";
import { GREEN, RED, RequestError } from "../lib/ui";

const STATUSES = ["OPEN", "OVERDUE", "RECTIFIED", "VERIFIED"] as const;
const ORANGE = "#b45309";

const LedgerQuery = graphql(`
  query LedgerItems($owner: String, $status: LedgerItemStatus, $after: String) {
    ledgerItems(owner: $owner, status: $status, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id owner description openedAt deadline status onTheSpot rectifiedAt verifiedAt evidence findingIds } }
    }
  }
`);
const Open = graphql(`
  mutation LedgerOpen($input: OpenLedgerItemInput!) { openLedgerItem(input: $input) { ledgerItem { id } errors { code message field } } }
`);
const Spot = graphql(`
  mutation LedgerSpot($input: FixOnTheSpotInput!) { fixOnTheSpot(input: $input) { ledgerItem { id } errors { code message field } } }
`);
const Rectify = graphql(`
  mutation LedgerRectify($input: RectifyLedgerItemInput!) { rectifyLedgerItem(input: $input) { ledgerItem { id } errors { code message field } } }
`);
const Verify = graphql(`
  mutation LedgerVerify($input: VerifyLedgerItemInput!) { verifyLedgerItem(input: $input) { ledgerItem { id } errors { code message field } } }
`);

type Kind = "open" | "spot" | "rectify";
const lines = (text: unknown) => String(text ?? "").split("\n").map((s) => s.trim()).filter(Boolean);

function DeadlineTag({ deadline, status }: { deadline: string; status: string }) {
  const { t } = useTranslation();
  const left = daysLeft(deadline);
  const done = status === "RECTIFIED" || status === "VERIFIED";
  const colour = done ? GREEN : status === "OVERDUE" || left < 0 ? RED : left <= 3 ? ORANGE : GREEN;
  const label = done ? t(`enums.LedgerItemStatus.${status}`) : status === "OVERDUE" || left < 0 ? t("enums.LedgerItemStatus.OVERDUE") : left <= 3 ? t("accountability.dueSoon") : t("accountability.onTime");
  return (
    <Space size={4}>
      {date(deadline)}
      <Tag color={colour} data-testid="deadline-tag">
        {label}
      </Tag>
    </Space>
  );
}

export function Ledger() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const [itemForm] = Form.useForm();
  const owner = params.get("owner") || undefined;
  const status = (params.get("status") || undefined) as LedgerItemStatus | undefined;
  const [{ data, error, fetching }, refresh] = useQuery({ query: LedgerQuery, variables: { owner, status } });
  const [open, setOpen] = useState<{ kind: Kind; itemId?: string } | null>(null);
  const [rest, setRest] = useState<string[]>([]);
  const [, openItem] = useMutation(Open);
  const [, spot] = useMutation(Spot);
  const [, rectify] = useMutation(Rectify);
  const [, verify] = useMutation(Verify);
  const reload = () => refresh({ requestPolicy: "network-only" });
  const rows = (data?.ledgerItems.edges ?? []).map((e) => e!.node!);

  const search = (v: Record<string, unknown>) => {
    const next = new URLSearchParams({ tab: "ledger" });
    if (v.owner) next.set("owner", String(v.owner));
    if (v.status) next.set("status", String(v.status));
    setParams(next);
  };

  const exportXlsx = async () => {
    const query = new URLSearchParams();
    if (owner) query.set("owner", owner);
    if (status) query.set("status", status);
    if (!(await downloadWithToken(`/exports/ledger.xlsx?${query}`, "ledger.xlsx"))) message.error(t("accountability.exportFailed"));
  };

  const submit = async (v: Record<string, any>) => {
    if (!open) return;
    setRest([]);
    const result =
      open.kind === "open"
        ? (await openItem({ input: { owner: v.owner, description: v.description, deadlineWorkdays: v.deadlineWorkdays } })).data?.openLedgerItem
        : open.kind === "spot"
          ? (await spot({ input: { owner: v.owner, description: v.description, evidence: lines(v.evidence) } })).data?.fixOnTheSpot
          : (await rectify({ input: { itemId: open.itemId!, evidence: lines(v.evidence) } })).data?.rectifyLedgerItem;
    if (result?.ledgerItem) {
      setOpen(null);
      reload();
    } else setRest(result ? placeErrors(itemForm, result.errors, ["owner", "description", "deadlineWorkdays", "evidence"]) : [errorText("INTERNAL_ERROR")]);
  };

  const doVerify = async (itemId: string) => {
    const r = (await verify({ input: { itemId } })).data?.verifyLedgerItem;
    if (r?.errors.length) message.error(r.errors.map((e) => errorText(e.code, e.message)).join("；"));
    reload();
  };

  return (
    <>
      <Form form={form} layout="inline" name="ledger-filter" initialValues={{ owner, status }} onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="owner" label={t("accountability.owner")}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="status" label={t("accountability.status")}>
          <Select allowClear style={{ width: 120 }} options={STATUSES.map((s) => ({ value: s, label: t(`enums.LedgerItemStatus.${s}`) }))} />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {t("accountability.search")}
            </Button>
            <Button onClick={() => { form.resetFields(); setParams(new URLSearchParams({ tab: "ledger" })); }}>{t("accountability.reset")}</Button>
            <Button onClick={exportXlsx}>{t("accountability.export")}</Button>
            <Button onClick={() => { setRest([]); setOpen({ kind: "open" }); }}>{t("accountability.openItem")}</Button>
            <Button onClick={() => { setRest([]); setOpen({ kind: "spot" }); }}>{t("accountability.fixOnTheSpot")}</Button>
          </Space>
        </Form.Item>
      </Form>
      <RequestError error={error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (n) => t("accountability.total", { count: n }) }}
        columns={[
          { title: t("accountability.description"), dataIndex: "description" },
          { title: t("accountability.owner"), dataIndex: "owner" },
          { title: t("accountability.openedAt"), dataIndex: "openedAt", render: (d) => dateTime(d) },
          { title: t("accountability.deadline"), render: (_, i) => <DeadlineTag deadline={i.deadline} status={i.status} /> },
          {
            title: t("accountability.status"),
            render: (_, i) => (
              <Space size={4}>
                {t(`enums.LedgerItemStatus.${i.status}`)}
                {i.onTheSpot && <Tag>{t("accountability.onTheSpot")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("accountability.actions"),
            render: (_, i) =>
              i.status === "OPEN" || i.status === "OVERDUE" ? (
                <Button size="small" onClick={() => { setRest([]); setOpen({ kind: "rectify", itemId: i.id }); }}>
                  {t("accountability.rectify")}
                </Button>
              ) : i.status === "RECTIFIED" ? (
                <Button size="small" onClick={() => doVerify(i.id)}>
                  {t("accountability.verify")}
                </Button>
              ) : (
                dateTime(i.verifiedAt)
              ),
          },
        ]}
      />
      <Modal
        open={open !== null}
        title={open ? t(open.kind === "open" ? "accountability.openItem" : open.kind === "spot" ? "accountability.fixOnTheSpot" : "accountability.rectify") : ""}
        okText={t("form.submit")}
        cancelText={t("form.cancel")}
        onCancel={() => setOpen(null)}
        onOk={() => itemForm.submit()}
        destroyOnHidden
      >
        <Form form={itemForm} name="ledger-item" layout="vertical" onFinish={submit} initialValues={{ deadlineWorkdays: 10 }} preserve={false}>
          {open?.kind !== "rectify" && (
            <>
              <Form.Item name="owner" label={t("accountability.owner")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="description" label={t("accountability.description")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
          {open?.kind === "open" && (
            <Form.Item name="deadlineWorkdays" label={t("accountability.deadlineWorkdays")}>
              <InputNumber min={1} max={250} style={{ width: "100%" }} />
            </Form.Item>
          )}
          {open?.kind !== "open" && (
            <Form.Item name="evidence" label={t("accountability.evidence")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {rest.length > 0 && <Alert type="error" role="alert" title={rest.join("；")} />}
        </Form>
      </Modal>
    </>
  );
}
