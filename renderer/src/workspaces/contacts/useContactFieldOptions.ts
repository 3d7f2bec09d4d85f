import { useMemo } from 'react';
import type { ContactKind } from '../../../../common/domain/contacts';
import { useApiQuery } from '../../api';
import { useUnitOptions } from './useUnitOptions';

/** The choices the contact form offers: units, departments (a person's parent) and users (only for a person). */
export function useContactFieldOptions(kind: ContactKind) {
  const units = useUnitOptions();
  const departments = useApiQuery('contacts.search', { kind: 'department' });
  const users = useApiQuery('admin.users.list', {}, { enabled: kind === 'person' });
  const departmentOptions = useMemo(
    () => (departments.data?.rows ?? []).map((d) => ({ value: d.id, label: d.name })),
    [departments.data],
  );
  const userOptions = useMemo(
    () =>
      (users.data ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName}（${u.username}）`,
        disabled: u.disabled,
      })),
    [users.data],
  );

  return { units, departments, users, departmentOptions, userOptions };
}
