/** Why a view or a tour was refused, per field, in both languages (the form shows it next to the field). */
export const WALL_FIELD_ERROR_CODES = [
  'name_required',
  'name_too_long',
  'layout_unknown',
  'layout_required',
  'too_many_slots',
  'unknown_camera',
  'cameras_required',
  'too_many_cameras',
  'dwell_out_of_range',
  'name_taken',
] as const;
export type WallFieldErrorCode = (typeof WALL_FIELD_ERROR_CODES)[number];

export interface WallFieldError {
  /** A path into the draft: `name`, `layout`, `slots.3`, `cameras.0`, `dwellSeconds`. */
  field: string;
  code: WallFieldErrorCode;
  zh: string;
  en: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: WallFieldError[] };

/**
 * Finds a camera by id and answers its id as the registry spells it (ids compare without case),
 * or undefined when there is no such camera.
 */
export type CameraLookup = (id: string) => string | undefined;

/** Longest name of a view or a tour: it has to fit a menu entry on the wall toolbar. */
export const WALL_NAME_MAX = 40;

export function checkName(raw: string, errors: WallFieldError[]): string {
  const name = raw.trim();
  // Code points, as SQLite's length() counts them (the table's CHECK): not UTF-16 units.
  const length = Array.from(name).length;
  if (length === 0) {
    errors.push({ field: 'name', code: 'name_required', zh: '请填写名称', en: 'A name is required' });
  } else if (length > WALL_NAME_MAX) {
    errors.push({
      field: 'name',
      code: 'name_too_long',
      zh: `名称不能超过 ${WALL_NAME_MAX} 个字`,
      en: `The name may have at most ${WALL_NAME_MAX} characters`,
    });
  }
  return name;
}
