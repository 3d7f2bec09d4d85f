import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { CamerasRepo } from '../services/cameras/cameras-repo';
import { KEY_FILE_NAME, KeyFileError, loadHubKeys, restrictFile, type HubKeys, type KeyProtector } from './hub-keys';

/**
 * Data at rest, run once when the hub opens its data folder:
 * - binds the database to its key: the key's fingerprint is kept in `meta`, so a database restored
 *   without its hub.key (or beside another one) is refused instead of silently given a new key —
 *   a new key cannot open the camera credentials or verify the ledger's keyed seals;
 * - encrypts camera credentials an earlier version stored in clear, then rewrites the file so the
 *   clear text survives nowhere (free pages, unused page space, the WAL);
 * - makes the attachment folders owner-only.
 */

export const KEY_ID_META = 'hub_key_id';

export interface AtRestOptions {
  dataDir: string;
  keyProtector?: KeyProtector | undefined;
  /** Accept a new or different hub.key for a database made with another one (`--new-key`). */
  newKey?: boolean | undefined;
  /** Where warnings go (credentials that must be re-entered, a new key accepted). */
  warn?: (line: string) => void;
}

const MISSING =
  'hub.key 缺失：请从密钥备份把 hub.key 恢复到数据目录，或以 --new-key 启动（将放弃已保存的摄像机凭据和值班台账封印校验）' +
  ' / hub.key missing: restore it from your key backup into the data folder, or start with --new-key to accept losing camera credentials and seal verification';

const OTHER =
  'hub.key 与此数据库不匹配：请恢复与该数据库一同备份的 hub.key，或以 --new-key 启动（将放弃已保存的摄像机凭据和值班台账封印校验）' +
  ' / hub.key does not belong to this database: restore the key backed up with it, or start with --new-key to accept losing camera credentials and seal verification';

function recordedKeyId(db: Db): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_ID_META) as { value: string } | undefined;
  return row?.value;
}

/** 0700 folders and 0600 files under `dir` (attachments: two levels deep). */
function restrictTree(dir: string, depth: number): void {
  if (process.platform === 'win32' || !fs.existsSync(dir)) return;
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) restrictTree(p, depth - 1);
    else if (entry.isFile()) restrictFile(p);
  }
}

/** Loads the hub's keys for the open database `db`, refusing a missing or foreign key; see above. */
export function openHubKeys(db: Db, options: AtRestOptions): HubKeys {
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const recorded = recordedKeyId(db);
  const keyFileExists = fs.existsSync(path.join(options.dataDir, KEY_FILE_NAME));
  if (recorded !== undefined && !keyFileExists && !options.newKey) throw new KeyFileError(MISSING);
  const keys = loadHubKeys(options.dataDir, options.keyProtector);
  if (recorded !== undefined && recorded !== keys.id) {
    if (!options.newKey) throw new KeyFileError(OTHER);
    warn(`[hub] 已接受新的 hub.key / accepted a new hub.key (${keys.id}; the database was made with ${recorded})`);
  }
  if (recorded !== keys.id) {
    db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(KEY_ID_META, keys.id);
  }

  const cameras = new CamerasRepo(db, keys.secretKey);
  const encrypted = db.transaction(() => cameras.encryptPlainSecrets())();
  if (encrypted > 0) {
    // secure_delete zeroes what is deleted from now on; VACUUM rebuilds the file so older copies of
    // the clear text (free pages, space left by earlier edits) go too, and the checkpoint empties the WAL.
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  const unreadable = cameras.unreadableStreams().length;
  if (unreadable > 0) {
    warn(
      `[hub] ${unreadable} 条摄像机凭据无法用当前 hub.key 解密，需重新填写 / ${unreadable} camera credentials cannot be decrypted with this hub.key and must be re-entered`,
    );
  }
  restrictTree(path.join(options.dataDir, 'attachments'), 1);
  restrictTree(path.join(options.dataDir, 'uploads'), 0);
  return keys;
}

/** `--new-key` on a shell's command line (both shells; see openHubKeys). */
export function newKeyRequested(argv: readonly string[]): boolean {
  return argv.includes('--new-key');
}
