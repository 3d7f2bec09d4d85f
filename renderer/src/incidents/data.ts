import { useQueryClient } from '@tanstack/react-query';
import type { IncidentDetail, MethodInput, MethodName, MethodOutput } from '../../../common/contract';
import { methodKey, useApiMutation, useApiQuery, type ApiCallError } from '../api';

/** The banner's data: active incidents, the real one first. Kept fresh by `incidents.changed`. */
export function useCurrentIncidents() {
  return useApiQuery('incidents.current', {}, { staleTime: 60_000 });
}

export function useIncident(id: number | null) {
  return useApiQuery('incidents.get', { id: id ?? 0 }, { enabled: id !== null });
}

/** The incident writes: each answers with the incident's new detail. */
export type IncidentWrite = {
  [M in MethodName]: M extends `incidents.${string}`
    ? M extends 'incidents.get'
      ? never
      : MethodOutput<M> extends IncidentDetail
        ? M
        : never
    : never;
}[MethodName];

const STALE: readonly MethodName[] = ['incidents.current', 'incidents.list'];

/**
 * An incident write whose answer (the new detail) goes straight into the cache — the acting window
 * does not wait for its own event — while the banner and the list refetch.
 */
export function useIncidentMutation<M extends IncidentWrite>(
  method: M,
  options: {
    onSuccess?: (detail: IncidentDetail, input: MethodInput<M>) => void;
    onError?: (error: ApiCallError) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useApiMutation(method, {
    invalidates: STALE,
    onSuccess: (output, input) => {
      const detail = output as IncidentDetail;
      queryClient.setQueryData(methodKey('incidents.get', { id: detail.incident.id }), detail);
      options.onSuccess?.(detail, input);
    },
    onError: options.onError,
  });
}
