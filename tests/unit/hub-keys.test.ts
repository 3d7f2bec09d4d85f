import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decryptSecret,
  encryptSecret,
  KEY_FILE_NAME,
  KeyFileError,
  loadHubKeys,
  SecretUnreadableError,
  type KeyProtector,
} from '../../main/security/hub-keys';
import { tempDir } from '../helpers/test-env';

const POSIX = process.platform !== 'win32';
const mode = (p: string) => fs.statSync(p).mode & 0o777;

/** A stand-in for Electron's safeStorage: AES-CTR under a key only this "OS user" has. */
function fakeProtector(osKey = randomBytes(32)): KeyProtector & { calls: number } {
  const iv = Buffer.alloc(16, 7);
  return {
    name: 'fake',
    calls: 0,
    isAvailable: () => true,
    encrypt(plain) {
      this.calls += 1;
      const c = createCipheriv('aes-256-ctr', osKey, iv);
      return Buffer.concat([c.update(plain), c.final()]);
    },
    decrypt(sealed) {
      this.calls += 1;
      const d = createDecipheriv('aes-256-ctr', osKey, iv);
      return Buffer.concat([d.update(sealed), d.final()]);
    },
  };
}

describe('hub keys', () => {
  it('creates the data folder 0700 and the key file 0600 once, then reuses it', () => {
    const dir = path.join(tempDir(), 'data');
    const first = loadHubKeys(dir);
    const file = path.join(dir, KEY_FILE_NAME);
    if (POSIX) {
      expect(mode(dir)).toBe(0o700);
      expect(mode(file)).toBe(0o600);
    }
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^cityops-hub-key\/1 plain /);
    const again = loadHubKeys(dir);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(again.id).toBe(first.id);
    expect(again.secretKey.equals(first.secretKey)).toBe(true);
    expect(again.sealKey.equals(first.sealKey)).toBe(true);
    expect(first.sealKey.equals(first.secretKey)).toBe(false);
    expect(first.protection).toBe('file');
    // Another folder gets another key.
    expect(loadHubKeys(tempDir()).id).not.toBe(first.id);
  });

  it.runIf(POSIX)('tightens a world-readable folder and key file', () => {
    const dir = tempDir();
    loadHubKeys(dir);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, KEY_FILE_NAME), 0o644);
    loadHubKeys(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, KEY_FILE_NAME))).toBe(0o600);
  });

  it('keeps the key encrypted by the protector, and needs it to read the key back', () => {
    const dir = tempDir();
    const protector = fakeProtector();
    const keys = loadHubKeys(dir, protector);
    expect(keys.protection).toBe('os');
    const text = fs.readFileSync(path.join(dir, KEY_FILE_NAME), 'utf8');
    expect(text).toMatch(/^cityops-hub-key\/1 protected /);
    expect(loadHubKeys(dir, protector).id).toBe(keys.id);
    expect(() => loadHubKeys(dir)).toThrow(KeyFileError);
    // Another OS user's key store cannot open it: a clear error, not a wrong key.
    const other = fakeProtector();
    other.decrypt = () => {
      throw new Error('decryption failed');
    };
    expect(() => loadHubKeys(dir, other)).toThrow(/cannot be unprotected by fake/);
    // An unavailable protector (no OS key store) leaves new keys in a plain 0600 file.
    const plainDir = tempDir();
    const keys2 = loadHubKeys(plainDir, { ...fakeProtector(), isAvailable: () => false });
    expect(keys2.protection).toBe('file');
  });

  it('refuses a damaged key file and, when asked, a missing one', () => {
    const dir = tempDir();
    expect(() => loadHubKeys(dir, undefined, { create: false })).toThrow(/hub\.key is missing/);
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
    fs.writeFileSync(path.join(dir, KEY_FILE_NAME), 'cityops-hub-key/1 plain AAAA\n');
    expect(() => loadHubKeys(dir)).toThrow(/damaged/);
    fs.writeFileSync(path.join(dir, KEY_FILE_NAME), 'something else\n');
    expect(() => loadHubKeys(dir)).toThrow(KeyFileError);
  });

  it('encrypts secrets so that only the same key and context open them', () => {
    const key = loadHubKeys(tempDir()).secretKey;
    const other = loadHubKeys(tempDir()).secretKey;
    const stored = encryptSecret(key, 'admin:S3cret!', 'camera:1:main');
    expect(stored).not.toContain('S3cret');
    expect(encryptSecret(key, 'admin:S3cret!', 'camera:1:main')).not.toBe(stored);
    expect(decryptSecret(key, stored, 'camera:1:main')).toBe('admin:S3cret!');
    expect(() => decryptSecret(other, stored, 'camera:1:main')).toThrow(SecretUnreadableError);
    expect(() => decryptSecret(key, stored, 'camera:2:main')).toThrow(SecretUnreadableError);
    const raw = Buffer.from(stored.slice('enc1:'.length), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => decryptSecret(key, `enc1:${raw.toString('base64')}`, 'camera:1:main')).toThrow(SecretUnreadableError);
    expect(() => decryptSecret(key, 'enc1:AAAA', 'camera:1:main')).toThrow(SecretUnreadableError);
    expect(() => decryptSecret(key, '{"userinfo":"a:b"}', 'camera:1:main')).toThrow(SecretUnreadableError);
  });
});
