/** Milliseconds since the epoch. Injected so tests can move time (session expiry, lockout). */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
