import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { methodKey, useApi } from '../../api';

/** An administrator's change on any console refreshes every open 通讯录. */
export function useContactsEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe('contacts.changed', () => {
        void queryClient.invalidateQueries({ queryKey: methodKey('contacts.search') });
      }),
    [api, queryClient],
  );
}
