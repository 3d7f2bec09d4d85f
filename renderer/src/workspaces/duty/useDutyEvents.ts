import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { methodKey, useApi } from '../../api';

const LOG_METHODS = ['duty.log.current', 'duty.log.search'] as const;
const HANDOVER_METHODS = [
  'duty.handover.current',
  'duty.handover.preview',
  'duty.handover.sealed',
  'duty.handover.get',
  'duty.ledger.verify',
] as const;

/** Keeps the duty log and handover views of this window in step with every other console. */
export function useDutyEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe('duty.changed', ({ what }) => {
        const methods =
          what === 'log'
            ? [...LOG_METHODS, 'duty.handover.preview' as const]
            : what === 'handover'
              ? [...LOG_METHODS, ...HANDOVER_METHODS]
              : what === 'checklist'
                ? ['duty.checklist.get' as const, 'duty.handover.preview' as const]
                : [];
        for (const method of methods) void queryClient.invalidateQueries({ queryKey: methodKey(method) });
      }),
    [api, queryClient],
  );
}
