import { create } from 'zustand';
import type { EventPayload, SessionUser } from '../../../common/contract';
import type { ClientErrorBody } from '../api';

/** Why the login screen is showing, when it is not simply the first visit. */
export type SignedOutNotice =
  { kind: 'ended'; reason: EventPayload<'session.ended'>['reason'] } | { kind: 'lost'; error: ClientErrorBody };

interface SessionState {
  phase: 'booting' | 'signed-out' | 'signed-in';
  user: SessionUser | null;
  notice: SignedOutNotice | null;
  /** Set while this window signs itself out, so its own session.ended is not shown as news. */
  signingOut: boolean;
  signedIn: (user: SessionUser) => void;
  updateUser: (user: SessionUser) => void;
  signedOut: (notice?: SignedOutNotice) => void;
  setSigningOut: (value: boolean) => void;
}

export const useSessionStore = create<SessionState>((set) => ({
  phase: 'booting',
  user: null,
  notice: null,
  signingOut: false,
  signedIn: (user) => {
    set({ phase: 'signed-in', user, notice: null, signingOut: false });
  },
  updateUser: (user) => {
    set((s) => (s.phase === 'signed-in' ? { user } : s));
  },
  signedOut: (notice) => {
    set({ phase: 'signed-out', user: null, notice: notice ?? null, signingOut: false });
  },
  setSigningOut: (signingOut) => {
    set({ signingOut });
  },
}));

/** The signed-in user; only call below the signed-in frame. */
export function useUser(): SessionUser {
  const user = useSessionStore((s) => s.user);
  if (!user) throw new Error('useUser outside a signed-in session');
  return user;
}
