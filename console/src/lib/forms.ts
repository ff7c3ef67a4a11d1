// Form helpers: server refusals shown on the field their `field` path names, and drafts
// kept per tab so that signing in again returns to the form as it was.
import type { FormInstance } from "antd";
import dayjs from "dayjs";
import { useEffect } from "react";
import { errorText } from "../i18n";

export interface UserError {
  code: string;
  message: string;
  field?: readonly string[] | null;
}

/** Puts each error on its form field; returns the texts that name no field of this form. */
export function placeErrors(form: FormInstance, errors: readonly UserError[], fields: string[]): string[] {
  const rest: string[] = [];
  for (const e of errors) {
    const path = (e.field ?? []).filter((p) => p !== "input");
    const text = errorText(e.code, e.message);
    if (path.length && fields.includes(path[0])) form.setFields([{ name: path[0], errors: [text] }]);
    else rest.push(text);
  }
  return rest;
}

const DRAFT = "jointops.draft.";

/** Restores the form's draft on mount; returns the handlers that keep and drop it. */
export function useDraft(key: string, form: FormInstance, dateFields: string[] = []) {
  useEffect(() => {
    const saved = sessionStorage.getItem(DRAFT + key);
    if (!saved) return;
    const values = JSON.parse(saved);
    for (const name of dateFields) if (values[name]) values[name] = dayjs(values[name]);
    form.setFieldsValue(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return {
    onValuesChange: (_: unknown, all: Record<string, unknown>) =>
      sessionStorage.setItem(DRAFT + key, JSON.stringify(all)),
    clear: () => sessionStorage.removeItem(DRAFT + key),
  };
}
