import { useEffect, useRef } from 'react';

/**
 * Calls `onFresh` with the items not seen before, each time `list` changes; what was there at the
 * first answer (sign-in) is not "new".
 */
export function useOnFresh<T>(list: readonly T[] | undefined, key: (item: T) => string, onFresh: (fresh: T[]) => void) {
  const seen = useRef<Set<string> | null>(null);
  const latest = useRef({ key, onFresh });
  useEffect(() => {
    latest.current = { key, onFresh };
  });
  useEffect(() => {
    if (list === undefined) return;
    const first = seen.current === null;
    const known = (seen.current ??= new Set());
    const fresh = list.filter((item) => !known.has(latest.current.key(item)));
    for (const item of fresh) known.add(latest.current.key(item));
    if (!first && fresh.length > 0) latest.current.onFresh(fresh);
  }, [list]);
}
