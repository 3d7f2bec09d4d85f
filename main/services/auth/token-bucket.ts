/** A budget of `capacity` attempts that refills evenly over `periodMs` (e.g. 10 per minute). */
export interface BucketRule {
  capacity: number;
  periodMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Map and WeakMap both fit: connections are weak keys (forgotten with them), addresses strings. */
interface BucketStore<K> {
  get(key: K): Bucket | undefined;
  set(key: K, bucket: Bucket): unknown;
}

/**
 * Token buckets per key. `take` spends one token or answers how long until one is back;
 * `refund` gives one back (an attempt that, after all, should not count).
 */
export class TokenBuckets<K> {
  constructor(
    readonly rule: BucketRule,
    private readonly store: BucketStore<K>,
  ) {}

  private current(key: K, now: number): Bucket {
    const { capacity, periodMs } = this.rule;
    const bucket = this.store.get(key);
    if (!bucket) return { tokens: capacity, at: now };
    // A clock that steps back refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(capacity, bucket.tokens + (elapsed * capacity) / periodMs), at: now };
  }

  /** Spends one token: 0 when allowed, else the milliseconds until the next token. */
  take(key: K, now: number): number {
    const bucket = this.current(key, now);
    if (bucket.tokens < 1) {
      this.store.set(key, bucket);
      return Math.ceil(((1 - bucket.tokens) * this.rule.periodMs) / this.rule.capacity);
    }
    this.store.set(key, { tokens: bucket.tokens - 1, at: now });
    return 0;
  }

  refund(key: K, now: number): void {
    const bucket = this.current(key, now);
    this.store.set(key, { tokens: Math.min(this.rule.capacity, bucket.tokens + 1), at: now });
  }

  /** True when the key's bucket is full again, i.e. keeping it changes nothing. */
  isFull(key: K, now: number): boolean {
    return this.current(key, now).tokens >= this.rule.capacity;
  }
}

/**
 * A Map for string keys (remote addresses) that stays bounded: past `limit` entries, full buckets
 * are forgotten, and if that is not enough the oldest entries go (a flood of fresh addresses
 * cannot grow the hub's memory).
 */
export class BoundedBucketMap<K> extends Map<K, Bucket> {
  constructor(private readonly limit: number) {
    super();
  }

  prune(isFull: (key: K) => boolean): void {
    if (this.size <= this.limit) return;
    for (const key of [...this.keys()]) if (isFull(key)) this.delete(key);
    for (const key of this.keys()) {
      if (this.size <= this.limit) break;
      this.delete(key);
    }
  }
}
