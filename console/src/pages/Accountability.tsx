// 执法监督问责 for legal-affairs staff: findings and sanctions, the rectification ledger,
// each officer's accountability record (tabs kept in the address: ?tab=ledger).
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Page } from "../lib/ui";
import { Findings, OfficerRecord } from "./AccountabilityFindings";
import { Ledger } from "./AccountabilityLedger";

export default function Accountability() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") || "findings";
  return (
    <Page title={t("accountability.title")}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(new URLSearchParams({ tab: key }))}
        items={[
          { key: "findings", label: t("accountability.findings"), children: <Findings /> },
          { key: "ledger", label: t("accountability.ledger"), children: <Ledger /> },
          { key: "records", label: t("accountability.records"), children: <OfficerRecord /> },
        ]}
      />
    </Page>
  );
}
