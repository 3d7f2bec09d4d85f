import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { SessionUser } from '../../../common/contract';
import { isApiCallError, useApi } from '../api';
import { useLanguageStore } from '../stores/language';
import { useSessionStore, type SignedOutNotice } from '../stores/session';

const BOOT_RETRY_MS = 1000;

/** Enter the signed-in state and take on the user's saved language. */
export function useEnterSession(): (user: SessionUser) => void {
  const signedIn = useSessionStore((s) => s.signedIn);
  const applyLanguage = useLanguageStore((s) => s.apply);
  return useCallback(
    (user) => {
      applyLanguage(user.language);
      signedIn(user);
    },
    [applyLanguage, signedIn],
  );
}

export function useSignOut(): () => Promise<void> {
  const api = useApi();
  const queryClient = useQueryClient();
  const setSigningOut = useSessionStore((s) => s.setSigningOut);
  const signedOut = useSessionStore((s) => s.signedOut);
  return useCallback(async () => {
    setSigningOut(true);
    try {
      await api.call('auth.logout', {});
    } catch {
      // The token is dropped either way; an unreachable hub expires the session itself.
    }
    queryClient.clear();
    signedOut();
  }, [api, queryClient, setSigningOut, signedOut]);
}

/** On start-up, re-attach to the session saved before a reload, waiting out a hub that is away. */
export function useBoot(): void {
  const api = useApi();
  const enter = useEnterSession();
  useEffect(() => {
    let cancelled = false;
    const run = async () => {
      for (;;) {
        try {
          const grant = await api.resumeSession();
          if (cancelled) return;
          if (grant) enter(grant.user);
          else useSessionStore.getState().signedOut();
          return;
        } catch (error) {
          if (cancelled) return;
          if (!(isApiCallError(error) && error.code === 'E_CONNECTION')) {
            useSessionStore.getState().signedOut();
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, BOOT_RETRY_MS));
        }
      }
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [api, enter]);
}

/** Leave to the login screen when the hub ends the session or refuses to re-bind it. */
export function useSessionWatch(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const leave = (notice: SignedOutNotice) => {
      const { phase, signingOut, signedOut } = useSessionStore.getState();
      if (phase !== 'signed-in' || signingOut) return;
      queryClient.clear();
      signedOut(notice);
    };
    const offEnded = api.subscribe('session.ended', ({ reason }) => {
      leave({ kind: 'ended', reason });
    });
    const offLost = api.onSessionLost((error) => {
      leave({ kind: 'lost', error });
    });
    return () => {
      offEnded();
      offLost();
    };
  }, [api, queryClient]);
}
