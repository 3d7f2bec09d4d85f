import { Form, type FormInstance } from 'antd';
import { useMemo } from 'react';
import type { IntakeFields } from './fields';

/** What the duplicate suggestions search with: the form's title, description, category and place as typed. */
export function useDuplicateProbe(form: FormInstance<IntakeFields>) {
  // Undefined until the form has mounted, whatever IntakeFields says.
  const title = (Form.useWatch('title', form) as string | undefined) ?? '';
  const description = (Form.useWatch('description', form) as string | undefined) ?? '';
  const categoryId = Form.useWatch('categoryId', form);
  const workstationId = Form.useWatch('workstationId', form) ?? null;
  return useMemo(
    () => ({ title, description, categoryId, workstationId }),
    [title, description, categoryId, workstationId],
  );
}
