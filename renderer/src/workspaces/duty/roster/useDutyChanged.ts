import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodName } from '../../../../../common/contract';
import { methodKey, useApi } from '../../../api';

/**
 * Refetches the given methods' queries whenever the hub says a duty ledger changed (another
 * console assigned someone, a colleague checked in). Every window hears it, the acting one too.
 * Pass a constant array: the subscription is renewed when its identity changes.
 */
export function useDutyChanged(methods: readonly MethodName[]): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe('duty.changed', () => {
        for (const method of methods) void queryClient.invalidateQueries({ queryKey: methodKey(method) });
      }),
    [api, queryClient, methods],
  );
}
