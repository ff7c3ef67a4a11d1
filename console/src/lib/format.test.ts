import { describe, expect, it } from "vitest";
import i18n from "../i18n";
import { date, dateTime } from "./format";

describe("dates as people read them", () => {
  it("shows a UTC moment in Asia/Shanghai, Chinese first", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(dateTime("2026-12-02T06:30:00+00:00")).toBe("2026年12月2日 14:30");
    expect(date("2026-12-02")).toBe("2026年12月2日");
    await i18n.changeLanguage("en");
    expect(dateTime("2026-12-02T06:30:00+00:00")).toBe("2 Dec 2026, 14:30");
  });

  it("crosses midnight into the next Shanghai day", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(dateTime("2026-12-01T16:05:00Z")).toBe("2026年12月2日 00:05");
  });
});
