import { safeStorage } from 'electron';
import type { KeyProtector } from '../security/hub-keys';

/**
 * The hub key file's protector inside Electron: safeStorage encrypts with a key
 * the OS keeps for this user (DPAPI on Windows, the Keychain on macOS, libsecret/kwallet on Linux).
 * Where Linux has no secret service, safeStorage falls back to a fixed built-in password
 * ("basic_text"), which protects nothing: the protector then says it is unavailable and the key
 * file is protected by its 0600 mode alone, as outside Electron. Use only after app `ready`.
 */
export function safeStorageProtector(): KeyProtector {
  return {
    name: 'Electron safeStorage',
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    // safeStorage takes strings: the 32-byte key travels as base64.
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
