/**
 * Field-level problems of a camera row, shared by the API (create/update) and the import report,
 * so an operator reads the same reason whichever way the row came in. Codes are stable; the UI
 * may key translations or highlighting on them.
 */
export const CAMERA_FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'invalid_id',
  'gb_length',
  'gb_digits',
  'gb_region',
  'gb_type',
  'url_invalid',
  'url_scheme',
  'url_protocol_mismatch',
  'masked_unknown',
  'unknown_workstation',
  'ambiguous_workstation',
  'invalid_protocol',
  'invalid_enabled',
  'invalid_tags',
  'invalid_type',
  'duplicate_in_file',
  'id_taken',
  'code_taken',
  'unknown_column',
  'missing_column',
  'duplicate_column',
  'parse_error',
  'too_many_rows',
] as const;

export type CameraFieldErrorCode = (typeof CAMERA_FIELD_ERROR_CODES)[number];

/** `field` is a column key (name, code, workstation, mainUrl …), or 'file' for the whole file. */
export interface CameraFieldError {
  field: string;
  code: CameraFieldErrorCode;
  zh: string;
  en: string;
}

export function fieldError(field: string, code: CameraFieldErrorCode, zh: string, en: string): CameraFieldError {
  return { field, code, zh, en };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: CameraFieldError };
