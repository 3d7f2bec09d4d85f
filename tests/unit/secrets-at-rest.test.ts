import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/contract';
import { backupDatabase } from '../../main/db/backup';
import { DB_FILE_NAME } from '../../main/db/connection';
import type { Hub } from '../../main/hub';
import { KEY_ID_META } from '../../main/security/at-rest';
import { KEY_FILE_NAME, loadHubKeys } from '../../main/security/hub-keys';
import { call, demoHub, ok, signedIn, tempDir } from '../helpers/hub';

/** Issue 9 item 6: camera credentials encrypted with the hub key, owner-only files, keyless backups. */

const POSIX = process.platform !== 'win32';
const mode = (p: string) => fs.statSync(p).mode & 0o777;
const PASSWORD = 'Zq7-Plaintext-Pa55w0rd';
const TOKEN = 'Tk9-Plaintext-T0ken';
const REMOVED = 'Rm4-Removed-Pa55w0rd';
const camera = {
  name: '凭据测试',
  workstationId: 'HQ-W-HQ14',
  mainUrl: `rtsp://camuser:${PASSWORD}@10.8.0.9:554/main?token=${TOKEN}`,
};

let hubs: Hub[] = [];
afterEach(() => {
  for (const h of hubs) if (h.db.open) h.close();
  hubs = [];
});

async function open(dataDir: string, newKey = false): Promise<Hub> {
  const hub = await demoHub({ dataDir, newKey });
  hubs.push(hub);
  return hub;
}

/** Every file of the database (and any other file named) that exists, as bytes. */
function filesHolding(needle: string, files: string[]): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return files.filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(bytes));
}

function dbFiles(dir: string): string[] {
  const db = path.join(dir, DB_FILE_NAME);
  return [db, `${db}-wal`, `${db}-shm`];
}

async function createCamera(hub: Hub): Promise<string> {
  const admin = await signedIn(hub, 'admin');
  const created = await ok(hub, admin, 'cameras.create', camera);
  return created.id;
}

describe('secrets at rest', () => {
  it.runIf(POSIX)('creates the data folder 0700 and the database files 0600, and tightens existing ones', async () => {
    const dir = path.join(tempDir(), 'data');
    const hub = await open(dir);
    await createCamera(hub);
    expect(mode(dir)).toBe(0o700);
    // SQLite gives -wal and -shm the database file's mode.
    for (const f of dbFiles(dir)) expect([f, mode(f)]).toEqual([f, 0o600]);
    expect(mode(path.join(dir, KEY_FILE_NAME))).toBe(0o600);

    // Attachments: owner-only folders and files.
    const userId = (hub.db.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const { uploadId } = hub.services.attachments.begin(userId, 'a.png', png.length);
    hub.services.attachments.chunk(userId, uploadId, 0, png.toString('base64'));
    const info = await hub.services.attachments.finish(userId, uploadId);
    const { sha256 } = hub.db.prepare('SELECT sha256 FROM attachments WHERE id = ?').get(info.id) as { sha256: string };
    const stored = hub.services.attachments.filePath(sha256);
    expect(mode(stored)).toBe(0o600);
    expect(mode(path.dirname(stored))).toBe(0o700);
    expect(mode(path.join(dir, 'attachments'))).toBe(0o700);
    expect(mode(path.join(dir, 'uploads'))).toBe(0o700);
    hub.close();

    // A folder left world-readable (an earlier version, a copy) is tightened when the hub opens it.
    for (const d of [dir, path.join(dir, 'attachments'), path.dirname(stored)]) fs.chmodSync(d, 0o755);
    for (const f of [...dbFiles(dir), stored]) if (fs.existsSync(f)) fs.chmodSync(f, 0o644);
    await open(dir);
    expect(mode(dir)).toBe(0o700);
    for (const f of dbFiles(dir)) if (fs.existsSync(f)) expect([f, mode(f)]).toEqual([f, 0o600]);
    expect(mode(path.dirname(stored))).toBe(0o700);
    expect(mode(stored)).toBe(0o600);
  });

  it('stores credentials encrypted: masked in the API, usable by the hub, absent from the files', async () => {
    const dir = tempDir();
    const hub = await open(dir);
    const id = await createCamera(hub);
    const admin = await signedIn(hub, 'admin');
    const listed = (await ok(hub, admin, 'cameras.list', {})).rows.find((c) => c.id === id);
    expect(listed?.mainUrl).toBe('rtsp://***@10.8.0.9:554/main?token=***');
    expect(listed?.mainHasCredentials).toBe(true);
    expect(hub.services.cameras.streamUrl(id, 'main')).toBe(camera.mainUrl);
    // Deleted and overwritten content is zeroed on this connection (secure_delete).
    expect(hub.db.pragma('secure_delete', { simple: true })).toBe(1);
    const stored = (hub.db.prepare('SELECT secret FROM camera_secrets').get() as { secret: string }).secret;
    expect(stored).toMatch(/^"enc1:/);
    // An edit that keeps *** keeps the credential; one that retypes it is reported as changed.
    await ok(hub, admin, 'cameras.update', { id, name: '凭据测试 2', mainUrl: listed?.mainUrl ?? '' });
    expect(hub.services.cameras.streamUrl(id, 'main')).toBe(camera.mainUrl);
    // While the hub runs (WAL in use) and after it closes: the clear text is in no file.
    expect(filesHolding(PASSWORD, dbFiles(dir))).toEqual([]);
    hub.close();
    expect(filesHolding(PASSWORD, dbFiles(dir))).toEqual([]);
    expect(filesHolding(TOKEN, dbFiles(dir))).toEqual([]);
  });

  it('encrypts clear credentials of an earlier version at open, leaving no copy in the database, WAL or a backup', async () => {
    const dir = tempDir();
    const hub = await open(dir);
    const id = await createCamera(hub);
    const admin = await signedIn(hub, 'admin');
    const gone = await ok(hub, admin, 'cameras.create', {
      ...camera,
      name: '已删除凭据',
      mainUrl: `rtsp://old:${REMOVED}@10.8.0.10/main`,
    });
    hub.close();
    // What an earlier version left: the credential in clear JSON, edited a few times (old copies in
    // free space), written without secure_delete, and part of it still in the WAL.
    const raw = new Database(path.join(dir, DB_FILE_NAME));
    raw.pragma('secure_delete = OFF');
    raw.pragma('wal_autocheckpoint = 0');
    const put = raw.prepare("UPDATE camera_secrets SET secret = ? WHERE stream = 'main'");
    for (const n of [1, 2, 3]) {
      put.run(JSON.stringify({ userinfo: `camuser:${PASSWORD}${'x'.repeat(n)}`, params: [['token', TOKEN]] }));
    }
    raw.pragma('wal_checkpoint(PASSIVE)');
    put.run(JSON.stringify({ userinfo: `camuser:${PASSWORD}`, params: [['token', TOKEN]] }));
    // A credential removed by an edit: its row deleted, its bytes left in the page's free space.
    const goneSeq = (raw.prepare('SELECT seq FROM cameras WHERE id = ?').get(gone.id) as { seq: number }).seq;
    raw
      .prepare('UPDATE camera_secrets SET secret = ? WHERE camera_seq = ?')
      .run(JSON.stringify({ userinfo: `old:${REMOVED}`, params: [] }), goneSeq);
    raw.prepare('DELETE FROM camera_secrets WHERE camera_seq = ?').run(goneSeq);
    // The earlier hub stopped without a clean close: its WAL is still there (a clean close would fold it in).
    const crashed = dbFiles(dir).map((f) => [f, fs.readFileSync(f)] as const);
    raw.close();
    for (const [f, bytes] of crashed) fs.writeFileSync(f, bytes);
    // The attack this defends against exists: the clear text is in the database file and the WAL now.
    expect(filesHolding(PASSWORD, dbFiles(dir))).toEqual(dbFiles(dir).slice(0, 2));
    expect(filesHolding(REMOVED, dbFiles(dir)).length).toBeGreaterThan(0);

    const reopened = await open(dir);
    expect(reopened.services.cameras.streamUrl(id, 'main')).toBe(camera.mainUrl);
    const stored = reopened.db.prepare('SELECT secret FROM camera_secrets').all() as { secret: string }[];
    expect(stored.every((r) => r.secret.startsWith('"enc1:'))).toBe(true);
    expect(filesHolding(PASSWORD, dbFiles(dir))).toEqual([]);
    expect(filesHolding(TOKEN, dbFiles(dir))).toEqual([]);
    expect(filesHolding(REMOVED, dbFiles(dir))).toEqual([]);

    const backup = path.join(tempDir(), 'backup.sqlite');
    await backupDatabase(path.join(dir, DB_FILE_NAME), backup);
    if (POSIX) expect(mode(backup)).toBe(0o600);
    expect(filesHolding(PASSWORD, [backup])).toEqual([]);
    expect(filesHolding(TOKEN, [backup])).toEqual([]);
    // The backup never holds the key.
    const keyText = fs.readFileSync(path.join(dir, KEY_FILE_NAME), 'utf8').trim().split(' ').pop() ?? '';
    expect(keyText.length).toBeGreaterThan(20);
    expect(filesHolding(keyText, [backup])).toEqual([]);
    expect(filesHolding(reopened.keys.secretKey.toString('base64'), [backup])).toEqual([]);
    reopened.close();
    expect(filesHolding(PASSWORD, dbFiles(dir))).toEqual([]);
  });

  it('refuses a missing or foreign hub.key unless told to accept a new one', async () => {
    const dir = tempDir();
    const hub = await open(dir);
    const id = await createCamera(hub);
    const firstId = hub.keys.id;
    hub.close();
    const keyFile = path.join(dir, KEY_FILE_NAME);
    const original = fs.readFileSync(keyFile);

    // Restored without its key: refused, and no new key file is made behind the operator's back.
    fs.rmSync(keyFile);
    await expect(open(dir)).rejects.toThrow(/hub\.key missing: restore it from your key backup.*--new-key/);
    expect(fs.existsSync(keyFile)).toBe(false);
    // Beside another installation's key: refused too.
    fs.copyFileSync(path.join(loadHubKeys(tempDir()).file), keyFile);
    await expect(open(dir)).rejects.toThrow(/hub\.key does not belong to this database/);
    // Back with its own key, all is as before.
    fs.writeFileSync(keyFile, original);
    const same = await open(dir);
    expect(same.services.cameras.streamUrl(id, 'main')).toBe(camera.mainUrl);
    same.close();

    // --new-key: the hub starts with a new key; the credential must be entered again.
    fs.rmSync(keyFile);
    const renewed = await open(dir, true);
    expect(renewed.keys.id).not.toBe(firstId);
    const row = renewed.db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_ID_META) as { value: string };
    expect(row.value).toBe(renewed.keys.id);
    const admin = await signedIn(renewed, 'admin');
    // The list still answers (no E_INTERNAL); the stream shows no usable credential.
    const listed = (await ok(renewed, admin, 'cameras.list', {})).rows.find((c) => c.id === id);
    expect(listed?.mainHasCredentials).toBe(false);
    expect(listed?.mainUrl).toBe('rtsp://***@10.8.0.9:554/main?token=***');
    await ok(renewed, admin, 'cameras.get', { id });
    await ok(renewed, admin, 'cameras.export', { format: 'csv' });
    // Playing it is a clear error naming the camera.
    let playError: unknown;
    try {
      renewed.services.cameras.streamUrl(id, 'main');
    } catch (err) {
      playError = err;
    }
    expect(playError).toBeInstanceOf(ApiError);
    expect((playError as ApiError).code).toBe('E_CONFLICT');
    expect((playError as ApiError).bilingual.en).toContain(`camera ${id} cannot be decrypted`);
    // Saving with *** asks for the credential again; typing it in repairs the camera.
    const kept = await call(renewed, admin, 'cameras.update', { id, mainUrl: listed?.mainUrl ?? '' });
    expect(kept.ok).toBe(false);
    if (!kept.ok) {
      expect(kept.error.code).toBe('E_INVALID');
      expect(kept.error.message.en).toContain('cannot be decrypted');
      expect(JSON.stringify(kept.error.details)).toContain('mainUrl');
    }
    await ok(renewed, admin, 'cameras.update', { id, mainUrl: camera.mainUrl });
    expect(renewed.services.cameras.streamUrl(id, 'main')).toBe(camera.mainUrl);
    const again = (await ok(renewed, admin, 'cameras.list', {})).rows.find((c) => c.id === id);
    expect(again?.mainHasCredentials).toBe(true);
    renewed.close();
    // The new key is now this database's own: it opens without the flag.
    await open(dir);
  });
});
