// Message catalogues: Chinese first, English second; the choice is kept per browser.
// A key missing from the language in use is recorded (window.__missingKeys) and logged,
// so the browser tests fail on it instead of showing a raw key to a person.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import errors from "./errors.json";
import zh from "./zh-CN.json";
// Console part 2 (cases, accountability, audit, reports) keeps its texts in its own files.
import en2 from "./part2.en.json";
import zh2 from "./part2.zh-CN.json";

export const LANGUAGES = ["zh-CN", "en"] as const;
const KEY = "jointops.lang";

declare global {
  interface Window {
    __missingKeys: string[];
  }
}
window.__missingKeys = [];

const errorTexts = (lang: "zh-CN" | "en") =>
  Object.fromEntries(Object.entries(errors).map(([code, text]) => [code, text[lang]]));

/** The part-2 catalogue merged into the main one (nested keys such as enums combine). */
export function merged<T extends object>(base: T, extra: object): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(extra)) {
    const here = out[k];
    out[k] = here && typeof here === "object" && typeof v === "object" ? merged(here as object, v) : v;
  }
  return out as T;
}

const stored = localStorage.getItem(KEY);
const initial = stored === "en" ? "en" : "zh-CN";

i18n.use(initReactI18next).init({
  lng: initial,
  fallbackLng: false,
  resources: {
    "zh-CN": { translation: { ...merged(zh, zh2), errors: errorTexts("zh-CN") } },
    en: { translation: { ...merged(en, en2), errors: errorTexts("en") } },
  },
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: (lngs, _ns, key) => {
    window.__missingKeys.push(`${lngs.join(",")}:${key}`);
    console.error(`missing message ${key} (${lngs.join(",")})`);
  },
});

function applyLang(lang: string) {
  document.documentElement.lang = lang;
  document.title = i18n.t("app.title");
}
applyLang(initial);
i18n.on("languageChanged", (lang) => {
  localStorage.setItem(KEY, lang);
  applyLang(lang);
});

/** An error code's text; an unknown code (never expected: a test checks) shows the server's. */
export function errorText(code: string, fallback?: string): string {
  return i18n.exists(`errors.${code}`) ? i18n.t(`errors.${code}`) : fallback || code;
}

export default i18n;
