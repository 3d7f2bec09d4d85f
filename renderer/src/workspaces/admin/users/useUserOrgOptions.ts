import { useMemo } from 'react';
import { USER_ORG_KINDS } from '../../../../../common/domain/org';
import { useApiQuery } from '../../../api';

/** Users belong to the center or a joint-duty station, never to a grid or a village. */
export function useUserOrgOptions() {
  const units = useApiQuery('org.units.list', {}, { staleTime: 10 * 60_000 });
  const options = useMemo(
    () =>
      (units.data ?? [])
        .filter((u) => USER_ORG_KINDS.includes(u.kind))
        .sort((a, b) => a.sort - b.sort)
        .map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );
  return { options, loading: units.isPending };
}
