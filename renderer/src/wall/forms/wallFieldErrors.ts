import type { FormInstance } from 'antd';
import type { ApiCallError } from '../../api';
import { markBilingualFieldErrors } from '../../components/form-errors';

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
  markBilingualFieldErrors(form, error, pick, (field) => {
    const name = field.split('.')[0] ?? field;
    return fields.includes(name) ? name : null;
  });
}
