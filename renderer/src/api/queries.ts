import {
  useMutation,
  useQueryClient,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../common/contract';
import type { ApiCallError } from './errors';
import { useApi } from './react';

/** Query keys start with the method name, so an event can invalidate every input of a method. */
export function methodKey<M extends MethodName>(method: M, input?: MethodInput<M>): readonly unknown[] {
  return input === undefined ? [method] : [method, input];
}

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodOutput<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  const api = useApi();
  return useQuery<MethodOutput<M>, ApiCallError>({
    queryKey: methodKey(method, input),
    queryFn: () => api.call(method, input),
    ...options,
  });
}

export interface ApiMutationOptions<M extends MethodName> extends Omit<
  UseMutationOptions<MethodOutput<M>, ApiCallError, MethodInput<M>>,
  'mutationFn'
> {
  /**
   * Methods whose queries go stale when this succeeds. Pushed events do the same for every
   * window; this makes the acting window independent of event delivery.
   */
  invalidates?: readonly MethodName[];
}

export function useApiMutation<M extends MethodName>(method: M, options: ApiMutationOptions<M> = {}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { invalidates = [], ...rest } = options;
  return useMutation<MethodOutput<M>, ApiCallError, MethodInput<M>>({
    mutationFn: async (input) => {
      const output = await api.call(method, input);
      for (const stale of invalidates) void queryClient.invalidateQueries({ queryKey: methodKey(stale) });
      return output;
    },
    ...rest,
  });
}
