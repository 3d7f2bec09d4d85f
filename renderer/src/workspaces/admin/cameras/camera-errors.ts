import type { FormInstance } from 'antd';
import type { ApiCallError } from '../../../api';
import { fieldIssues } from '../../../components/form-errors';
import type { Language } from '../../../../../common/domain/org';
import { CAMERA_COLUMNS, CAMERA_COLUMN_KEYS, type CameraColumnKey } from '../../../../../common/domain/cameras/columns';
import type { CameraFieldError } from '../../../../../common/domain/cameras/errors';

/** The registry's field keys that name a different form field (files say "workstation", the form holds its id). */
const FORM_FIELD: Record<string, string> = { workstation: 'workstationId' };

function isFieldError(value: unknown): value is CameraFieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.zh === 'string' && typeof v.en === 'string';
}

/** The camera service sends E_INVALID with `details: {errors: [{field, code, zh, en}]}`. */
export function cameraFieldErrors(details: unknown): CameraFieldError[] {
  if (typeof details !== 'object' || details === null) return [];
  const errors = (details as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errors.filter(isFieldError) : [];
}

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
  const byField = new Map<string, string[]>();
  const add = (field: string, text: string) => {
    const name = FORM_FIELD[field] ?? field;
    if (!fields.includes(name)) return;
    byField.set(name, [...(byField.get(name) ?? []), text]);
  };
  for (const e of cameraFieldErrors(error.body.details)) add(e.field, language === 'en' ? e.en : e.zh);
  for (const i of fieldIssues(error.body.details)) add(i.field, i.message);
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}

function isColumn(field: string): field is CameraColumnKey {
  return (CAMERA_COLUMN_KEYS as readonly string[]).includes(field);
}

/** A report's field key as the file's column header reads in the UI language ('file' is the whole file). */
export function columnLabel(field: string, language: Language, fileLabel: string): string {
  if (isColumn(field)) return CAMERA_COLUMNS[field][language === 'en' ? 'en' : 'zh'];
  return field === 'file' ? fileLabel : field;
}
