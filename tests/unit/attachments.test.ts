import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES, type ApiResult, type MethodInput, type MethodOutput } from '../../common/contract';
import type { Connection } from '../../main/api/connection';
import { EventBus } from '../../main/api/event-bus';
import { attachmentHandlers } from '../../main/api/handlers/attachment-handlers';
import type { HandlerMap } from '../../main/api/handler-types';
import { Router } from '../../main/api/router';
import { openDatabase, type Db } from '../../main/db/connection';
import { AuditRepo } from '../../main/services/audit/audit-repo';
import { AttachmentsService, STALE_UPLOAD_MS } from '../../main/services/attachments/attachments-service';
import { AuthService } from '../../main/services/auth/auth-service';
import { SessionsRepo } from '../../main/services/auth/sessions-repo';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { bootstrapUsers, DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';
import { isoBmff, PNG_1x1, wav, WEBM } from '../helpers/attachment-samples';

type AttachmentMethod = 'attachments.begin' | 'attachments.chunk' | 'attachments.finish' | 'attachments.read';

const MAX_BYTES = 1024 * 1024; // 1 MiB in these tests

/** A real hub data folder: migrated database, demo users, and the attachment handlers behind the router. */
interface Fixture {
  dir: string;
  db: Db;
  clock: (() => number) & { advance(ms: number): void };
  service: AttachmentsService;
  router: Router;
  signIn(username: string): Promise<Connection & { userId: number }>;
}

let fixture: Fixture | undefined;
let f: Fixture;

async function openFixture(): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-attach-'));
  const db = openDatabase(dir);
  seedReferenceData(db);
  let now = Date.UTC(2026, 10, 26, 2, 0, 0);
  const clock = Object.assign(() => now, { advance: (ms: number) => void (now += ms) });
  const users = new UsersRepo(db);
  await bootstrapUsers(db, users, now, { demo: true });
  const auth = new AuthService(users, new SessionsRepo(db), clock, { sessionLifetimeMs: 12 * 3600_000 });
  const service = new AttachmentsService(db, dir, clock, { maxBytes: MAX_BYTES });
  const router = new Router({
    db,
    clock,
    auth,
    audit: new AuditRepo(db),
    bus: new EventBus(auth),
    handlers: attachmentHandlers(service, new OrgRepo(db)) as unknown as HandlerMap,
    onInternalError: (method, err) => {
      throw new Error(`unexpected internal error in ${method}: ${String(err)}`);
    },
  });
  const signIn = async (username: string) => {
    const conn = { id: `conn-${username}`, push: () => undefined };
    const grant = await auth.login(username, DEMO_PASSWORD, { connection: conn, remoteAddress: '127.0.0.1' });
    return { ...conn, token: grant.token, userId: grant.user.id };
  };
  return { dir, db, clock, service, router, signIn };
}

beforeEach(async () => {
  fixture = await openFixture();
  f = fixture;
});

afterEach(() => {
  fixture?.db.close();
  if (fixture) fs.rmSync(fixture.dir, { recursive: true, force: true });
  fixture = undefined;
});

function call<M extends AttachmentMethod>(
  conn: Connection,
  method: M,
  input: MethodInput<M>,
): Promise<ApiResult<MethodOutput<M>>> {
  return f.router.call(conn, method, input) as Promise<ApiResult<MethodOutput<M>>>;
}

async function ok<M extends AttachmentMethod>(conn: Connection, method: M, input: MethodInput<M>) {
  const result = await call(conn, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}

async function errorOf<M extends AttachmentMethod>(conn: Connection, method: M, input: MethodInput<M>) {
  const result = await call(conn, method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

/** Uploads `bytes` through the contract, chunk by chunk, and finishes. */
async function upload(conn: Connection, name: string, bytes: Buffer) {
  const { uploadId, chunkBytes } = await ok(conn, 'attachments.begin', { name, size: bytes.length });
  for (let index = 0, at = 0; at < bytes.length; index++, at += chunkBytes) {
    const dataBase64 = bytes.subarray(at, at + chunkBytes).toString('base64');
    await ok(conn, 'attachments.chunk', { uploadId, index, dataBase64 });
  }
  return call(conn, 'attachments.finish', { uploadId });
}

async function download(conn: Connection, id: number): Promise<{ bytes: Buffer; calls: number }> {
  const parts: Buffer[] = [];
  let offset = 0;
  let calls = 0;
  for (;;) {
    const chunk = await ok(conn, 'attachments.read', { id, offset });
    calls++;
    expect(chunk.offset).toBe(offset);
    const data = Buffer.from(chunk.dataBase64, 'base64');
    parts.push(data);
    offset += data.length;
    if (chunk.done) break;
    if (calls > 100) throw new Error('read never finished');
  }
  return { bytes: Buffer.concat(parts), calls };
}

/** Every file under a folder of the data dir (empty when it does not exist). */
function filesUnder(sub: string): string[] {
  const root = path.join(f.dir, sub);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((p) =>
    fs.statSync(path.join(root, p)).isFile(),
  );
}

function count(sql: string, ...params: unknown[]): number {
  return (f.db.prepare(sql).get(...params) as { n: number }).n;
}

describe('attachments over the contract', () => {
  it('stores a PNG, a WAV, an MP4 and a WebM by content hash and reads them back', async () => {
    const grid = await f.signIn('grid');
    const files: [string, Buffer, string, string][] = [
      ['现场.png', PNG_1x1, 'image/png', 'image'],
      ['录音.wav', wav(800), 'audio/wav', 'audio'],
      ['clip.mp4', isoBmff('mp42'), 'video/mp4', 'video'],
      ['clip.webm', WEBM, 'video/webm', 'video'],
    ];
    for (const [name, bytes, mime, kind] of files) {
      const result = await upload(grid, name, bytes);
      if (!result.ok) throw new Error(`${name}: ${result.error.message.en}`);
      expect(result.value).toMatchObject({ name, mime, kind, size: bytes.length, createdAt: f.clock() });
      expect((await download(grid, result.value.id)).bytes.equals(bytes)).toBe(true);
      const row = f.db
        .prepare('SELECT sha256, created_by AS createdBy FROM attachments WHERE id = ?')
        .get(result.value.id) as {
        sha256: string;
        createdBy: number;
      };
      expect(row.createdBy).toBe(grid.userId);
      const stored = path.join(f.dir, 'attachments', row.sha256.slice(0, 2), row.sha256);
      expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
    }
    expect(filesUnder('uploads')).toEqual([]);
    const audit = f.db
      .prepare("SELECT target, ok FROM audit_log WHERE method = 'attachments.finish' ORDER BY id")
      .all() as { target: string; ok: number }[];
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.ok === 1 && a.target.startsWith('attachment:'))).toBe(true);
  });

  it('keeps the same content once on disk with one row per upload', async () => {
    const grid = await f.signIn('grid');
    const hotline = await f.signIn('hotline');
    const a = await upload(grid, 'a.png', PNG_1x1);
    const [stored] = filesUnder('attachments');
    const inode = fs.statSync(path.join(f.dir, 'attachments', stored!)).ino;
    const b = await upload(hotline, 'b.png', PNG_1x1);
    if (!a.ok || !b.ok) throw new Error('upload failed');
    // The file already there is kept, not replaced.
    expect(fs.statSync(path.join(f.dir, 'attachments', stored!)).ino).toBe(inode);
    expect(a.value.id).not.toBe(b.value.id);
    expect(filesUnder('attachments')).toHaveLength(1);
    expect(count('SELECT count(*) AS n FROM attachments')).toBe(2);
    expect(count('SELECT count(DISTINCT sha256) AS n FROM attachments')).toBe(1);
    expect(f.service.info([b.value.id, a.value.id]).map((i) => i.name)).toEqual(['b.png', 'a.png']);
  });

  it('refuses a text file named .jpg and leaves nothing behind', async () => {
    const grid = await f.signIn('grid');
    const text = Buffer.from('这不是图片 / this is not a picture\n'.repeat(20), 'utf8');
    const result = await upload(grid, 'x.jpg', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('E_INVALID');
    expect(result.error.message.zh).toContain('文件类型不受支持（按内容识别）');
    expect(result.error.message.en).toContain('Unsupported file type (detected by content)');
    expect(filesUnder('uploads')).toEqual([]);
    expect(filesUnder('attachments')).toEqual([]);
    expect(count('SELECT count(*) AS n FROM attachments')).toBe(0);
    const audit = f.db
      .prepare("SELECT ok, error_code AS code FROM audit_log WHERE method = 'attachments.finish'")
      .get();
    expect(audit).toEqual({ ok: 0, code: 'E_INVALID' });
  });

  it('refuses an upload declared larger than the limit, in MB, in both languages', async () => {
    const grid = await f.signIn('grid');
    const error = await errorOf(grid, 'attachments.begin', { name: 'big.mp4', size: MAX_BYTES + 1 });
    expect(error.code).toBe('E_INVALID');
    expect(error.message.zh).toContain('1 MB');
    expect(error.message.en).toContain('1 MB');
    expect(filesUnder('uploads')).toEqual([]);
    const fits = await ok(grid, 'attachments.begin', { name: 'ok.mp4', size: MAX_BYTES });
    expect(fits).toMatchObject({ chunkBytes: ATTACHMENT_CHUNK_BYTES, maxBytes: MAX_BYTES });
  });

  it('abandons an upload that sends more than it declared', async () => {
    const grid = await f.signIn('grid');
    const bytes = wav(100); // 244 bytes
    const { uploadId } = await ok(grid, 'attachments.begin', { name: 'a.wav', size: 100 });
    const error = await errorOf(grid, 'attachments.chunk', {
      uploadId,
      index: 0,
      dataBase64: bytes.toString('base64'),
    });
    expect(error.code).toBe('E_INVALID');
    expect(error.message.en).toMatch(/declared size \(100 bytes\)/);
    expect(filesUnder('uploads')).toEqual([]);
    expect((await errorOf(grid, 'attachments.finish', { uploadId })).code).toBe('E_NOT_FOUND');
  });

  it('refuses to finish an incomplete upload, which may then be completed', async () => {
    const grid = await f.signIn('grid');
    const bytes = wav(50);
    const { uploadId } = await ok(grid, 'attachments.begin', { name: 'a.wav', size: bytes.length });
    await ok(grid, 'attachments.chunk', { uploadId, index: 0, dataBase64: bytes.subarray(0, 40).toString('base64') });
    const early = await errorOf(grid, 'attachments.finish', { uploadId });
    expect(early.code).toBe('E_INVALID');
    expect(early.details).toEqual({ received: 40, size: bytes.length });
    const rest = bytes.subarray(40).toString('base64');
    expect(await ok(grid, 'attachments.chunk', { uploadId, index: 1, dataBase64: rest })).toEqual({
      received: bytes.length,
    });
    expect((await ok(grid, 'attachments.finish', { uploadId })).mime).toBe('audio/wav');
  });

  it('answers an out-of-order chunk with E_CONFLICT naming the expected index', async () => {
    const grid = await f.signIn('grid');
    const bytes = wav(200_000); // > 256 KiB
    const { uploadId } = await ok(grid, 'attachments.begin', { name: 'a.wav', size: bytes.length });
    const chunk = (i: number) =>
      bytes.subarray(i * ATTACHMENT_CHUNK_BYTES, (i + 1) * ATTACHMENT_CHUNK_BYTES).toString('base64');
    const skipped = await errorOf(grid, 'attachments.chunk', { uploadId, index: 1, dataBase64: chunk(1) });
    expect(skipped.code).toBe('E_CONFLICT');
    expect(skipped.details).toEqual({ expected: 0 });
    expect(skipped.message.en).toContain('expected index 0');
    await ok(grid, 'attachments.chunk', { uploadId, index: 0, dataBase64: chunk(0) });
    const repeated = await errorOf(grid, 'attachments.chunk', { uploadId, index: 0, dataBase64: chunk(0) });
    expect(repeated.code).toBe('E_CONFLICT');
    expect(repeated.details).toEqual({ expected: 1 });
    await ok(grid, 'attachments.chunk', { uploadId, index: 1, dataBase64: chunk(1) });
    const info = await ok(grid, 'attachments.finish', { uploadId });
    expect(info.size).toBe(bytes.length);
  });

  it("treats another user's upload as not found", async () => {
    const grid = await f.signIn('grid');
    const monitor = await f.signIn('monitor');
    const { uploadId } = await ok(grid, 'attachments.begin', { name: 'a.png', size: PNG_1x1.length });
    const dataBase64 = PNG_1x1.toString('base64');
    expect((await errorOf(monitor, 'attachments.chunk', { uploadId, index: 0, dataBase64 })).code).toBe('E_NOT_FOUND');
    await ok(grid, 'attachments.chunk', { uploadId, index: 0, dataBase64 });
    expect((await errorOf(monitor, 'attachments.finish', { uploadId })).code).toBe('E_NOT_FOUND');
    expect((await errorOf(grid, 'attachments.finish', { uploadId: '../../cityops.sqlite' })).code).toBe('E_NOT_FOUND');
    expect((await ok(grid, 'attachments.finish', { uploadId })).mime).toBe('image/png');
  });

  it('moves a multi-chunk upload and reads it back in chunks', async () => {
    const station = await f.signIn('station');
    const bytes = wav(300_000, 7); // 600 044 bytes: three chunks each way
    const result = await upload(station, '长录音.wav', bytes);
    if (!result.ok) throw new Error(result.error.message.en);
    const { bytes: back, calls } = await download(station, result.value.id);
    expect(calls).toBe(3);
    expect(back.equals(bytes)).toBe(true);
    expect((await errorOf(station, 'attachments.read', { id: result.value.id, offset: bytes.length + 1 })).code).toBe(
      'E_INVALID',
    );
    expect((await errorOf(station, 'attachments.read', { id: 999, offset: 0 })).code).toBe('E_NOT_FOUND');
  });

  it('lets only one of two simultaneous finishes of an upload through', async () => {
    const grid = await f.signIn('grid');
    const { uploadId } = await ok(grid, 'attachments.begin', { name: 'a.png', size: PNG_1x1.length });
    await ok(grid, 'attachments.chunk', { uploadId, index: 0, dataBase64: PNG_1x1.toString('base64') });
    const results = await Promise.all([
      call(grid, 'attachments.finish', { uploadId }),
      call(grid, 'attachments.finish', { uploadId }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['E_CONFLICT', 'ok']);
    expect(count('SELECT count(*) AS n FROM attachments')).toBe(1);
  });

  it('is not for administrators (operators only)', async () => {
    const admin = await f.signIn('admin');
    expect((await errorOf(admin, 'attachments.begin', { name: 'a.png', size: 10 })).code).toBe('E_FORBIDDEN');
  });
});

describe('attachments service state on disk', () => {
  it('survives a restart: an upload begun before can be finished by a fresh service', async () => {
    const grid = await f.signIn('grid');
    const { uploadId } = f.service.begin(grid.userId, 'a.png', PNG_1x1.length);
    f.service.chunk(grid.userId, uploadId, 0, PNG_1x1.toString('base64'));
    const fresh = new AttachmentsService(f.db, f.dir, f.clock, { maxBytes: MAX_BYTES });
    const info = await fresh.finish(grid.userId, uploadId);
    expect(info.kind).toBe('image');
  });

  it('sweeps uploads idle for more than an hour when a new one begins', async () => {
    const grid = await f.signIn('grid');
    const old = f.service.begin(grid.userId, 'a.wav', 1000);
    f.service.chunk(grid.userId, old.uploadId, 0, wav(10).toString('base64'));
    f.clock.advance(STALE_UPLOAD_MS - 1000);
    const recent = f.service.begin(grid.userId, 'b.wav', 1000);
    expect(filesUnder('uploads').filter((n) => n.startsWith(old.uploadId))).toHaveLength(2);
    f.clock.advance(2000);
    f.service.begin(grid.userId, 'c.wav', 1000);
    expect(filesUnder('uploads').some((n) => n.startsWith(old.uploadId))).toBe(false);
    expect(filesUnder('uploads').some((n) => n.startsWith(recent.uploadId))).toBe(true);
    expect(() => f.service.chunk(grid.userId, old.uploadId, 1, 'AAAA')).toThrow(/No such upload/);
  });

  it('names the first missing id when asked for attachment info', async () => {
    const grid = await f.signIn('grid');
    const a = await f.service.finish(
      grid.userId,
      (() => {
        const { uploadId } = f.service.begin(grid.userId, 'a.png', PNG_1x1.length);
        f.service.chunk(grid.userId, uploadId, 0, PNG_1x1.toString('base64'));
        return uploadId;
      })(),
    );
    expect(f.service.info([a.id])).toEqual([a]);
    expect(f.service.info([])).toEqual([]);
    expect(() => f.service.info([a.id, 41, 42])).toThrow(/Attachment 41 does not exist/);
  });
});
