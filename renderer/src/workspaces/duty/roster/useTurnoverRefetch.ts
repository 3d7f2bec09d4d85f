import { useEffect } from 'react';

/** Turn over to the next shift the moment this one ends, not up to a minute later. */
export function useTurnoverRefetch(endsAt: number | undefined, refetch: () => Promise<unknown>) {
  useEffect(() => {
    if (endsAt === undefined) return;
    const timer = setTimeout(() => void refetch(), Math.max(0, endsAt - Date.now()) + 1_000);
    return () => {
      clearTimeout(timer);
    };
  }, [endsAt, refetch]);
}
