import { apiError } from '../../../common/contract/errors';

/** Transports one connection may hold: its window's one, and one being replaced. */
export const MAX_TRANSPORTS_PER_OWNER = 4;

/**
 * The bound on a connection's WebRTC transports, the same in both engines: a window needs one (a
 * second while one is replaced), and a connection may not open sockets and DTLS sessions without
 * end. Past the bound its oldest transport goes (a window that lost its transport makes a new one
 * and is never locked out); more than the bound being made at once is refused.
 */
export class TransportQuota {
  private readonly pending = new Map<string, number>();

  /** `owned`: the owner's open transports, oldest first. */
  async make<T>(ownerId: string, owned: () => { close(): void }[], create: () => Promise<T>): Promise<T> {
    const pending = this.pending.get(ownerId) ?? 0;
    if (pending >= MAX_TRANSPORTS_PER_OWNER) {
      throw apiError(
        'E_CONFLICT',
        `每个连接最多 ${MAX_TRANSPORTS_PER_OWNER} 个 WebRTC 传输`,
        `At most ${MAX_TRANSPORTS_PER_OWNER} WebRTC transports per connection`,
      );
    }
    const open = owned();
    for (const old of open.slice(0, Math.max(0, open.length + pending + 1 - MAX_TRANSPORTS_PER_OWNER))) old.close();
    this.pending.set(ownerId, pending + 1);
    try {
      return await create();
    } finally {
      const left = (this.pending.get(ownerId) ?? 1) - 1;
      if (left > 0) this.pending.set(ownerId, left);
      else this.pending.delete(ownerId);
    }
  }
}
