import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventPayload, MethodName } from '../../../../common/contract';
import { methodKey, useApi } from '../../api';

type DutyChange = EventPayload<'duty.changed'>['what'];

const LOG_METHODS = ['duty.log.current', 'duty.log.search', 'duty.handover.preview'] as const;

/** What each kind of duty change makes stale here (roster and check-ins: the roster tab's own hook). */
const STALE: Partial<Record<DutyChange, readonly MethodName[]>> = {
  log: LOG_METHODS,
  handover: [
    ...LOG_METHODS,
    'duty.handover.current',
    'duty.handover.sealed',
    'duty.handover.get',
    'duty.ledger.verify',
  ],
  checklist: ['duty.checklist.get', 'duty.handover.preview'],
};

/** Keeps the duty log and handover views of this window in step with every other console. */
export function useDutyEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe('duty.changed', ({ what }) => {
        const methods = STALE[what] ?? [];
        for (const method of methods) void queryClient.invalidateQueries({ queryKey: methodKey(method) });
      }),
    [api, queryClient],
  );
}
