import type { FormInstance } from 'antd';
import type { ApiCallError } from '../../api';

interface WallFieldIssue {
  field: string;
  zh: string;
  en: string;
}

function isIssue(value: unknown): value is WallFieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { field, zh, en } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof zh === 'string' && typeof en === 'string';
}

/**
 * The hub refuses a view or tour with `details.errors` [{field, zh, en}] (common/domain/wall):
 * each goes next to its form field (`cameras.3` next to `cameras`), in the UI's language.
 */
export function markWallFieldErrors(
  form: FormInstance,
  error: ApiCallError,
  fields: readonly string[],
  pick: (text: { zh: string; en: string }) => string,
): void {
  const details = error.body.details as { errors?: unknown } | null | undefined;
  const issues = Array.isArray(details?.errors) ? details.errors.filter(isIssue) : [];
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const name = issue.field.split('.')[0] ?? issue.field;
    if (!fields.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), pick(issue)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}
