import { apiError, type ApiError } from '../../../common/contract';
import type { Clock } from '../../clock';
import { BoundedBucketMap, TokenBuckets, type BucketRule } from './token-bucket';

/**
 * Password attempts per connection (every attempt counts) and per remote address (only failed
 * ones count, so a control room signing 20+ people in from one NAT address at shift change is
 * not slowed down). Loopback counts like any address: a hostile page on the operator's PC is
 * exactly who guesses from 127.0.0.1.
 */
export const SIGN_IN_LIMITS = {
  perConnection: { capacity: 10, periodMs: 60_000 },
  perAddressFailures: { capacity: 30, periodMs: 60_000 },
} as const satisfies Record<string, BucketRule>;

/** Addresses remembered at most (full buckets are dropped first). */
const MAX_ADDRESSES = 4096;

/** Where a password attempt comes from. `connection` is only an identity (a weak map key). */
export interface AttemptSource {
  connection: object;
  remoteAddress: string | undefined;
}

/** One admitted attempt: call `succeeded` when the password was right, so the address is not charged. */
export interface Admission {
  succeeded(): void;
}

export function rateLimited(retryAfterMs: number, scope: 'connection' | 'address' | 'account'): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const zh = scope === 'account' ? '该账号正有一次密码核验在进行，请稍后再试' : `尝试过于频繁，请 ${seconds} 秒后再试`;
  const en =
    scope === 'account'
      ? 'A password check for this account is already in progress; try again in a moment'
      : `Too many attempts; try again in ${seconds} s`;
  return apiError('E_RATE_LIMITED', zh, en, { retryAfterMs, scope });
}

/** '::ffff:127.0.0.1' and '127.0.0.1' are one address; no address at all is one more. */
function addressKey(address: string | undefined): string {
  if (!address) return '-';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export class SignInGuard {
  private readonly perConnection = new TokenBuckets<object>(SIGN_IN_LIMITS.perConnection, new WeakMap());
  private readonly addresses = new BoundedBucketMap<string>(MAX_ADDRESSES);
  private readonly perAddress = new TokenBuckets<string>(SIGN_IN_LIMITS.perAddressFailures, this.addresses);
  /** Accounts with a password check under way: the hub is one process, so a Set is the lock. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly clock: Clock) {}

  /**
   * Charges one attempt to the connection and (provisionally) to the address, or throws
   * E_RATE_LIMITED. The address token is reserved up front so attempts kept in flight count too.
   */
  admit(source: AttemptSource): Admission {
    const now = this.clock();
    const address = addressKey(source.remoteAddress);
    const connectionWait = this.perConnection.take(source.connection, now);
    if (connectionWait > 0) throw rateLimited(connectionWait, 'connection');
    const addressWait = this.perAddress.take(address, now);
    this.addresses.prune((key) => this.perAddress.isFull(key, now));
    if (addressWait > 0) throw rateLimited(addressWait, 'address');
    return { succeeded: () => this.perAddress.refund(address, this.clock()) };
  }

  /**
   * Runs one password check of an account (key: its id, or the lower-cased name of an unknown
   * one, so both answer alike), refusing a second while the first is in flight: with parallel
   * guesses the count and the lock would otherwise be read before either is written.
   */
  async exclusive<T>(account: string, check: () => Promise<T>): Promise<T> {
    if (this.inFlight.has(account)) throw rateLimited(1000, 'account');
    this.inFlight.add(account);
    try {
      return await check();
    } finally {
      this.inFlight.delete(account);
    }
  }
}
