import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The hub's keys (docs/architecture.md#security-posture): one random master key kept outside the
 * database, in `hub.key` in the data folder (0600), from which the seal key and the secret-store
 * key are derived. Inside Electron the file holds the master key encrypted by `safeStorage`
 * (the OS keychain / DPAPI); elsewhere it holds the key itself. A copy of the database alone —
 * a backup, a stolen file — therefore can neither re-seal the duty ledger nor read camera
 * credentials. Back the key file up separately from the database.
 *
 * Files are made owner-only by their creation mode (umask can only narrow it) and existing ones
 * are tightened with an explicit chmod; Windows keeps the ACLs of the per-user profile folder.
 */

export const KEY_FILE_NAME = 'hub.key';
const MASTER_BYTES = 32;
const PLAIN_TAG = 'cityops-hub-key/1 plain ';
const PROTECTED_TAG = 'cityops-hub-key/1 protected ';

/** Electron's safeStorage, as the hub needs it (main/shell-electron wires the real one). */
export interface KeyProtector {
  readonly name: string;
  isAvailable(): boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

export interface HubKeys {
  /** HMAC-SHA-256 key of the duty ledger's seals. */
  readonly sealKey: Buffer;
  /** AES-256-GCM key of secrets stored in the database (camera credentials). */
  readonly secretKey: Buffer;
  /** HMAC-SHA-256 key of signed media URLs (main/media/gateway/signed-url.ts). */
  readonly mediaKey: Buffer;
  /** Where the master key is protected: the OS (safeStorage) or the key file's permissions alone. */
  readonly protection: 'os' | 'file';
  readonly file: string;
  /** A fingerprint of the master key (16 hex), recorded in the database to notice a missing or other key. */
  readonly id: string;
}

/** The key file is missing, damaged, or cannot be unprotected here. */
export class KeyFileError extends Error {}

/** A stored secret that this key cannot open (another key, or altered). */
export class SecretUnreadableError extends Error {}

const POSIX = process.platform !== 'win32';

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `cityops/${purpose}`, 32));
}

function keysFrom(master: Buffer, protection: HubKeys['protection'], file: string): HubKeys {
  const id = createHmac('sha256', derive(master, 'key-id')).update('cityops hub key').digest('hex').slice(0, 16);
  return {
    sealKey: derive(master, 'duty-seal'),
    secretKey: derive(master, 'secret-store'),
    mediaKey: derive(master, 'media-url'),
    protection,
    file,
    id,
  };
}

/** Creates the data folder owner-only (0700), and tightens an existing one. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (POSIX) fs.chmodSync(dir, 0o700);
}

/** Makes an existing file owner-only (0600); a missing one is left missing. */
export function restrictFile(file: string): void {
  if (!POSIX) return;
  try {
    fs.chmodSync(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Creates `file` empty and owner-only if it does not exist, tightens it if it does (before SQLite opens it). */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  restrictFile(file);
}

function readMaster(
  file: string,
  protector: KeyProtector | undefined,
): { master: Buffer; protection: HubKeys['protection'] } {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.startsWith(PLAIN_TAG)) {
    const master = Buffer.from(text.slice(PLAIN_TAG.length), 'base64');
    if (master.length !== MASTER_BYTES) throw new KeyFileError(`${file} is damaged (wrong key length)`);
    return { master, protection: 'file' };
  }
  if (text.startsWith(PROTECTED_TAG)) {
    if (!protector?.isAvailable()) {
      throw new KeyFileError(
        `${file} is protected by the desktop console's OS key store; open this data folder from the desktop console`,
      );
    }
    let master: Buffer;
    try {
      master = protector.decrypt(Buffer.from(text.slice(PROTECTED_TAG.length), 'base64'));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new KeyFileError(`${file} cannot be unprotected by ${protector.name} for this OS user (${why})`);
    }
    if (master.length !== MASTER_BYTES) throw new KeyFileError(`${file} is damaged (wrong key length)`);
    return { master, protection: 'os' };
  }
  throw new KeyFileError(`${file} is not a hub key file`);
}

export interface LoadKeysOptions {
  /** false: a missing key file is an error (tools that must not invent a key, e.g. verify-ledger). Default true. */
  create?: boolean;
}

/**
 * Loads the hub's keys from `dataDir`, creating the key file (0600, never overwritten) on first
 * use. With an available protector a new key is stored encrypted by it.
 */
export function loadHubKeys(dataDir: string, protector?: KeyProtector, options: LoadKeysOptions = {}): HubKeys {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (fs.existsSync(file)) {
    restrictFile(file);
    const { master, protection } = readMaster(file, protector);
    return keysFrom(master, protection, file);
  }
  if (options.create === false) throw new KeyFileError(`${file} is missing: restore it from your key backup`);
  const master = randomBytes(MASTER_BYTES);
  const useOs = protector?.isAvailable() === true;
  const body = useOs
    ? `${PROTECTED_TAG}${protector.encrypt(master).toString('base64')}\n`
    : `${PLAIN_TAG}${master.toString('base64')}\n`;
  // 'wx': two hubs starting on one folder must not each write a different key.
  try {
    fs.writeFileSync(file, body, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadHubKeys(dataDir, protector, options);
    throw err;
  }
  return keysFrom(master, useOs ? 'os' : 'file', file);
}

const SECRET_PREFIX = 'enc1:';

/** AES-256-GCM with a fresh nonce; `context` (e.g. "camera:12:main") is bound as associated data. */
export function encryptSecret(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return SECRET_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function isEncryptedSecret(stored: string): boolean {
  return stored.startsWith(SECRET_PREFIX);
}

/** Throws SecretUnreadableError when the text was not made by encryptSecret with this key and context. */
export function decryptSecret(key: Buffer, stored: string, context: string): string {
  if (!isEncryptedSecret(stored)) throw new SecretUnreadableError('not an encrypted secret');
  const raw = Buffer.from(stored.slice(SECRET_PREFIX.length), 'base64');
  if (raw.length < 28) throw new SecretUnreadableError('encrypted secret is truncated');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnreadableError('secret cannot be decrypted with this hub key (hub.key replaced or data altered)');
  }
}
