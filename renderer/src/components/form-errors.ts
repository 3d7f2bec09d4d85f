import type { FormInstance } from 'antd';
import type { ApiCallError } from '../api';
import { i18next } from '../i18n';

export interface FieldIssue {
  field: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function issueFrom(value: unknown): FieldIssue | null {
  if (!isRecord(value)) return null;
  const { path, field, message, zh } = value;
  const name: unknown = Array.isArray(path) ? (path as unknown[])[0] : (path ?? field);
  if ((typeof name !== 'string' && typeof name !== 'number') || typeof message !== 'string') return null;
  // The router sends each issue's text in Chinese as `zh` beside zod's English `message`.
  const shown = i18next.language === 'zh-CN' && typeof zh === 'string' ? zh : message;
  return { field: String(name), message: shown };
}

/**
 * The contract leaves E_INVALID `details` open, so accept the shapes a zod-based router sends:
 * an issue list ([{path, message}] or {issues: [...]}), zod's flatten ({fieldErrors}), or {field}.
 */
export function fieldIssues(details: unknown): FieldIssue[] {
  const list = Array.isArray(details)
    ? details
    : isRecord(details) && Array.isArray(details.issues)
      ? details.issues
      : null;
  if (list) return list.map(issueFrom).filter((i): i is FieldIssue => i !== null);
  if (isRecord(details) && isRecord(details.fieldErrors)) {
    return Object.entries(details.fieldErrors).flatMap(([field, messages]) =>
      Array.isArray(messages) && typeof messages[0] === 'string' ? [{ field, message: messages[0] }] : [],
    );
  }
  if (isRecord(details) && typeof details.field === 'string') return [{ field: details.field, message: '' }];
  return [];
}

/**
 * Marks the form fields a server error names (in the UI language); the caller shows the bilingual
 * summary as well. A field named without a text of its own (e.g.
 * "current password wrong") is only outlined, so the message is not shown twice.
 */
export function markServerErrors(form: FormInstance, error: ApiCallError, fields: readonly string[]): void {
  const issues = fieldIssues(error.body.details).filter((i) => fields.includes(i.field));
  if (issues.length === 0) return;
  form.setFields(issues.map((i) => ({ name: i.field, errors: [i.message] })));
}

/** One failing field as the camera and wall services name it: `details.errors` [{field, zh, en}]. */
export interface BilingualFieldIssue {
  field: string;
  zh: string;
  en: string;
}

function isBilingualIssue(value: unknown): value is BilingualFieldIssue {
  return (
    isRecord(value) && typeof value.field === 'string' && typeof value.zh === 'string' && typeof value.en === 'string'
  );
}

export function bilingualFieldIssues(details: unknown): BilingualFieldIssue[] {
  const errors = isRecord(details) ? details.errors : undefined;
  return Array.isArray(errors) ? errors.filter(isBilingualIssue) : [];
}

/**
 * Puts each bilingual field issue under its form field in the UI language. `formField` maps the
 * hub's field key to the form's field name, or null when the form has no such field.
 */
export function markBilingualFieldErrors(
  form: FormInstance,
  error: ApiCallError,
  pick: (text: { zh: string; en: string }) => string,
  formField: (field: string) => string | null,
  extra: readonly FieldIssue[] = [],
): void {
  const byField = new Map<string, string[]>();
  const add = (field: string, text: string) => {
    const name = formField(field);
    if (name !== null) byField.set(name, [...(byField.get(name) ?? []), text]);
  };
  for (const issue of bilingualFieldIssues(error.body.details)) add(issue.field, pick(issue));
  for (const issue of extra) add(issue.field, issue.message);
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}
