import type { ApiCallError } from '../../api';
import { bilingualFieldIssues, fieldIssues } from '../../components/form-errors';

/** The hub's E_INVALID by field path, in the UI language (bilingual where the service gave both). */
export function serverErrors(
  error: ApiCallError | null,
  pick: (t: { zh: string; en: string }) => string,
): Map<string, string> {
  const out = new Map<string, string>();
  if (!error || error.code !== 'E_INVALID') return out;
  for (const e of bilingualFieldIssues(error.body.details)) if (!out.has(e.field)) out.set(e.field, pick(e));
  const issues = (error.body.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues;
  for (const i of Array.isArray(issues) ? issues : []) {
    if (typeof i.path === 'string' && typeof i.message === 'string' && !out.has(i.path)) out.set(i.path, i.message);
  }
  for (const i of fieldIssues(error.body.details)) if (!out.has(i.field)) out.set(i.field, i.message);
  return out;
}
