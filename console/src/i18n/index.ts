// Message catalogues: Chinese first, English second; the choice is kept per browser.
// A key missing from the language in use is recorded (window.__missingKeys) and logged,
// so the browser tests fail on it instead of showing a raw key to a person.
import type { Locale } from "antd/es/locale";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import zhErrors from "virtual:error-texts/zh-CN";
import zh from "./zh-CN.json";
// Console part 2 (cases, accountability, audit, reports) keeps its texts in its own files.
import zh2 from "./part2.zh-CN.json";

export const LANGUAGES = ["zh-CN", "en"] as const;
const KEY = "jointops.lang";

declare global {
  interface Window {
    __missingKeys: string[];
  }
}
window.__missingKeys = [];

/** The part-2 catalogue merged into the main one (nested keys such as enums combine). */
export function merged<T extends object>(base: T, extra: object): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(extra)) {
    const here = out[k];
    out[k] = here && typeof here === "object" && typeof v === "object" ? merged(here as object, v) : v;
  }
  return out as T;
}

// Chinese ships with the page; English is fetched the first time it is chosen (its
// catalogues are not on the first route's wire: bench/bench_console.py weighs it).
let antdEn: Locale | undefined;
const english = async () => {
  const [main, part2, errors, antd] = await Promise.all([
    import("./en.json"), import("./part2.en.json"), import("virtual:error-texts/en"),
    import("antd/locale/en_US")]);
  antdEn = antd.default;
  return { ...merged(main.default, part2.default), errors: errors.default };
};

/** antd's own English texts (pagination, pickers), once English has been fetched. */
export const antdEnglish = (): Locale | undefined => antdEn;

/** Show the console in `lang`, fetching its catalogue first when it is not loaded yet. */
export async function switchLanguage(lang: string): Promise<void> {
  if (lang === "en" && !i18n.hasResourceBundle("en", "translation")) {
    i18n.addResourceBundle("en", "translation", await english());
  }
  await i18n.changeLanguage(lang);
}

const initial = "zh-CN";

i18n.use(initReactI18next).init({
  lng: initial,
  fallbackLng: false,
  resources: {
    "zh-CN": { translation: { ...merged(zh, zh2), errors: zhErrors } },
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

/** Resolves once the language the browser kept (English or Chinese) is ready to show. */
export const ready: Promise<void> = localStorage.getItem(KEY) === "en" ? switchLanguage("en") : Promise.resolve();

/** An error code's text; an unknown code (never expected: a test checks) shows the server's. */
export function errorText(code: string, fallback?: string): string {
  return i18n.exists(`errors.${code}`) ? i18n.t(`errors.${code}`) : fallback || code;
}

export default i18n;
