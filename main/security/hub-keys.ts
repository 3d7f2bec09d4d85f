import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The hub's keys (DESIGN.md §10, issue 9 items 5–6): one random master key kept outside the
 * database, in `hub.key` in the data folder (0600), from which the seal key and the secret-store
 * key are derived. Inside Electron the file holds the master key encrypted by `safeStorage`
 * (the OS keychain / DPAPI); elsewhere it holds the key itself. A copy of the database alone —
 * a backup, a stolen file — therefore can neither re-seal the duty ledger nor read camera
 * credentials. Back the key file up separately from the database.
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
  /** Where the master key is protected: the OS (safeStorage) or the key file's permissions alone. */
  readonly protection: 'os' | 'file';
  readonly file: string;
}

export class KeyFileError extends Error {}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `cityops/${purpose}`, 32));
}

function keysFrom(master: Buffer, protection: HubKeys['protection'], file: string): HubKeys {
  return { sealKey: derive(master, 'duty-seal'), secretKey: derive(master, 'secret-store'), protection, file };
}

/** Creates the data folder owner-only (0700), and tightens an existing one. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
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
    const master = protector.decrypt(Buffer.from(text.slice(PROTECTED_TAG.length), 'base64'));
    if (master.length !== MASTER_BYTES) throw new KeyFileError(`${file} is damaged (wrong key length)`);
    return { master, protection: 'os' };
  }
  throw new KeyFileError(`${file} is not a hub key file`);
}

/**
 * Loads the hub's keys from `dataDir`, creating the key file (0600, never overwritten) on first
 * use. With an available protector a new key is stored encrypted by it.
 */
export function loadHubKeys(dataDir: string, protector?: KeyProtector): HubKeys {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (fs.existsSync(file)) {
    if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
    const { master, protection } = readMaster(file, protector);
    return keysFrom(master, protection, file);
  }
  const master = randomBytes(MASTER_BYTES);
  const useOs = protector?.isAvailable() === true;
  const body = useOs
    ? `${PROTECTED_TAG}${protector.encrypt(master).toString('base64')}\n`
    : `${PLAIN_TAG}${master.toString('base64')}\n`;
  // 'wx': two hubs starting on one folder must not each write a different key.
  try {
    fs.writeFileSync(file, body, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadHubKeys(dataDir, protector);
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

/** Throws when the text was not made by encryptSecret with this key and context. */
export function decryptSecret(key: Buffer, stored: string, context: string): string {
  if (!isEncryptedSecret(stored)) throw new KeyFileError('not an encrypted secret');
  const raw = Buffer.from(stored.slice(SECRET_PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
