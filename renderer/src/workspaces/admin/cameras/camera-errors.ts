import type { FormInstance } from 'antd';
import type { ApiCallError } from '../../../api';
import { fieldIssues, markBilingualFieldErrors } from '../../../components/form-errors';
import type { Language } from '../../../../../common/domain/org';
import { CAMERA_COLUMNS, CAMERA_COLUMN_KEYS, type CameraColumnKey } from '../../../../../common/domain/cameras/columns';

/** The registry's field keys that name a different form field (files say "workstation", the form holds its id). */
const FORM_FIELD: Record<string, string> = { workstation: 'workstationId' };

/**
 * Puts each problem under its field in the UI language. Schema errors from the router (e.g. a name
 * over the length limit) come as zod issues instead, English only; those are shown too, as given.
 */
export function markCameraErrors(
  form: FormInstance,
  error: ApiCallError,
  fields: readonly string[],
  language: Language,
): void {
  const formField = (field: string) => {
    const name = FORM_FIELD[field] ?? field;
    return fields.includes(name) ? name : null;
  };
  const pick = (text: { zh: string; en: string }) => (language === 'en' ? text.en : text.zh);
  markBilingualFieldErrors(form, error, pick, formField, fieldIssues(error.body.details));
}

function isColumn(field: string): field is CameraColumnKey {
  return (CAMERA_COLUMN_KEYS as readonly string[]).includes(field);
}

/** A report's field key as the file's column header reads in the UI language ('file' is the whole file). */
export function columnLabel(field: string, language: Language, fileLabel: string): string {
  if (isColumn(field)) return CAMERA_COLUMNS[field][language === 'en' ? 'en' : 'zh'];
  return field === 'file' ? fileLabel : field;
}
