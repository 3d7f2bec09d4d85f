import { createHash, randomBytes } from 'node:crypto';
import { apiError, type ApiKey } from '../../../common/contract';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';

/** Random bytes in a secret: 256 bits, 43 characters of base64url. */
export const API_KEY_SECRET_BYTES = 32;
/** Characters of the secret kept in clear to tell keys apart in lists and logs. */
export const API_KEY_PREFIX_LENGTH = 8;
/** Anything longer cannot be one of ours; not even hashed. */
const MAX_SECRET_LENGTH = 200;

export interface IssuedApiKey {
  key: ApiKey;
  /** The secret itself: returned once, never stored (only its SHA-256). */
  secret: string;
}

export interface ApiKeyIssuer {
  id: number | null;
  name: string;
}

const KEY_COLUMNS = `id, name, prefix, created_at AS createdAt, created_by_name AS createdByName,
  revoked_at AS revokedAt, last_used_at AS lastUsedAt`;

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Open311 API keys (issued and revoked by admins). The secret is shown once at creation; the database
 * holds only its SHA-256, so a leaked database does not leak working keys.
 */
export class ApiKeysService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  list(): ApiKey[] {
    return this.db
      .prepare(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY revoked_at IS NOT NULL, id DESC`)
      .all() as ApiKey[];
  }

  get(id: number): ApiKey | undefined {
    return this.db.prepare(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = ?`).get(id) as ApiKey | undefined;
  }

  /** Issues a key. Names of live keys are unique: the audit log names a key's caller by it. */
  create(name: string, by: ApiKeyIssuer): IssuedApiKey {
    const clean = name.trim();
    const taken = this.db.prepare('SELECT 1 FROM api_keys WHERE name = ? AND revoked_at IS NULL').get(clean);
    if (taken) {
      throw apiError('E_CONFLICT', `已有同名的有效密钥「${clean}」`, `A live key named "${clean}" already exists`, {
        field: 'name',
      });
    }
    const secret = randomBytes(API_KEY_SECRET_BYTES).toString('base64url');
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO api_keys (name, prefix, key_hash, created_by, created_by_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(clean, secret.slice(0, API_KEY_PREFIX_LENGTH), hashApiKey(secret), by.id, by.name, this.clock());
    return { key: this.require(Number(lastInsertRowid)), secret };
  }

  /** Revokes a key at once (revoking a revoked key changes nothing). */
  revoke(id: number): ApiKey {
    const key = this.require(id);
    if (key.revokedAt !== null) return key;
    this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(this.clock(), id);
    return this.require(id);
  }

  /** The live key with this secret (and notes its use), or null for an unknown or revoked one. */
  verify(secret: string | null | undefined): ApiKey | null {
    if (!secret || secret.length > MAX_SECRET_LENGTH) return null;
    const key = this.db
      .prepare(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL`)
      .get(hashApiKey(secret)) as ApiKey | undefined;
    if (!key) return null;
    const now = this.clock();
    this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now, key.id);
    return { ...key, lastUsedAt: now };
  }

  private require(id: number): ApiKey {
    const key = this.get(id);
    if (!key) throw apiError('E_NOT_FOUND', `API 密钥 ${id} 不存在`, `API key ${id} does not exist`);
    return key;
  }
}
