import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { Api, ConnectionState } from './types';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

export function useApi(): Api {
  const api = use(ApiContext);
  if (!api) throw new Error('useApi outside <ApiProvider>');
  return api;
}

export function useConnectionState(): ConnectionState {
  const api = useApi();
  return useSyncExternalStore(
    (notify) => api.connectionState.subscribe(notify),
    () => api.connectionState.get(),
  );
}
