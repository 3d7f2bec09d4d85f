import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiCallError } from '../api';
import { useSessionStore } from '../stores/session';

export function createQueryClient(): QueryClient {
  // A session can also end without a session.ended push (expiry found on the next call):
  // any refusal for lack of a session while we think we are signed in ends it here too.
  const onError = (error: unknown) => {
    if (!isApiCallError(error) || error.code !== 'E_UNAUTHENTICATED') return;
    const { phase, signingOut, signedOut } = useSessionStore.getState();
    if (phase !== 'signed-in' || signingOut) return;
    client.clear();
    signedOut({ kind: 'ended', reason: 'expired' });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Pushed events keep data fresh; focus changes on a wall PC mean nothing.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // Only a lost link is worth retrying; the hub's refusals will not change on their own.
        retry: (count, error) => count < 3 && isApiCallError(error) && error.code === 'E_CONNECTION',
      },
      mutations: { retry: false },
    },
  });
  return client;
}
