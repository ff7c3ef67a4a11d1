// Dates as people in the agencies read them: Asia/Shanghai, 2026年12月2日 14:30.
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";
import "dayjs/locale/zh-cn";
import i18n from "../i18n";

dayjs.extend(utc);
dayjs.extend(timezone);
export const ZONE = "Asia/Shanghai";

const zh = () => !i18n.language || i18n.language.startsWith("zh");

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = dayjs(iso).tz(ZONE);
  return zh() ? d.format("YYYY年M月D日 HH:mm") : d.locale("en").format("D MMM YYYY, HH:mm");
}

/** A civil date (YYYY-MM-DD, already a date in Asia/Shanghai). */
export function date(value: string | null | undefined): string {
  if (!value) return "—";
  const d = dayjs(value.slice(0, 10));
  return zh() ? d.format("YYYY年M月D日") : d.locale("en").format("D MMM YYYY");
}

/** A moment picked in the form (a Dayjs in local wall time) as Shanghai time, ISO. */
export function shanghaiIso(day: dayjs.Dayjs): string {
  return dayjs.tz(day.format("YYYY-MM-DDTHH:mm:ss"), ZONE).toISOString();
}

export function today(): string {
  return dayjs().tz(ZONE).format("YYYY-MM-DD");
}
