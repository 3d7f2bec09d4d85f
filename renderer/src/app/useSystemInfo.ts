import { useApiQuery } from '../api';

/**
 * What this hub is (name, version, demo); fixed for the life of the hub, so fetched once. The
 * login screen needs it, so keep asking for as long as the hub is unreachable.
 */
export function useSystemInfo() {
  return useApiQuery('system.info', {}, { staleTime: Infinity, retry: (_, error) => error.code === 'E_CONNECTION' });
}
