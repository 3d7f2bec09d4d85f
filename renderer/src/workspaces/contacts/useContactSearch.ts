import { useMemo, useState } from 'react';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';
import type { KindChoice } from './ContactsFilterBar';

/** The directory's search conditions and its answer; the text is sent once typing pauses. */
export function useContactSearch() {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<KindChoice>('all');
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>();
  const settled = useDebounced(text.trim(), 250);
  const input = useMemo(
    () => ({
      ...(settled ? { text: settled } : {}),
      ...(kind === 'all' ? {} : { kind }),
      ...(orgUnitId ? { orgUnitId } : {}),
    }),
    [settled, kind, orgUnitId],
  );
  const contacts = useApiQuery('contacts.search', input, { placeholderData: (previous) => previous });
  return { kind, setKind, setText, orgUnitId, setOrgUnitId, contacts };
}
