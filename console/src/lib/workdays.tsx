// A deadline's working days left or overdue, as the server counts them (Chinese calendar:
// weekends and holidays skipped, make-up working days counted).
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { RED } from "./ui";

export type CaseDeadline = { kind: string; due: string; workingDaysLeft?: number | null; overdue: boolean; met: boolean };

/** What is left of a deadline in working days (the server counts them in the Chinese calendar). */
export function WorkdaysTag({ d }: { d: CaseDeadline }) {
  const { t } = useTranslation();
  const left = d.workingDaysLeft;
  if (d.met || left === null || left === undefined) return null;
  if (d.overdue) return <Tag color={RED} data-testid="workdays">{t("cases.workdaysOver", { count: Math.max(0, -left) })}</Tag>;
  return <Tag data-testid="workdays">{left === 0 ? t("cases.dueToday") : t("cases.workdaysLeft", { count: left })}</Tag>;
}

