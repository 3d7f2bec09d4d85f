import { apiError, type ApiError, type CameraPlayback, type CameraStream } from '../../../common/contract';
import type { CameraProtocol, StreamSecret } from '../../../common/domain/cameras';
import type { Db } from '../../db/connection';
import { decryptSecret, encryptSecret, isEncryptedSecret, SecretUnreadableError } from '../../security/hub-keys';

/** A stored camera: URLs masked, credentials elsewhere (camera_secrets). */
export interface CameraRow {
  seq: number;
  id: string;
  name: string;
  code: string | null;
  workstationId: string;
  mainUrl: string;
  subUrl: string | null;
  protocol: CameraProtocol;
  tags: string[];
  enabled: boolean;
  playback: CameraPlayback;
  transcode: boolean;
  createdAt: number;
  updatedAt: number;
}

/** How consoles play the camera: set apart from the fields a file import writes. */
export type CameraMedia = Pick<CameraRow, 'playback' | 'transcode'>;

/** What is written by a save or an import: everything but the row number, the times and the media settings. */
export type CameraFields = Omit<CameraRow, 'seq' | 'createdAt' | 'updatedAt' | keyof CameraMedia>;

interface RawRow extends Omit<CameraRow, 'tags' | 'enabled' | 'transcode'> {
  tags: string;
  enabled: number;
  transcode: number;
}

const COLUMNS = `c.seq, c.id, c.name, c.code, c.workstation_id AS workstationId, c.main_url AS mainUrl,
  c.sub_url AS subUrl, c.protocol, c.tags, c.enabled, c.playback, c.transcode, c.created_at AS createdAt,
  c.updated_at AS updatedAt`;

function toRow(r: RawRow): CameraRow {
  return { ...r, tags: JSON.parse(r.tags) as string[], enabled: r.enabled === 1, transcode: r.transcode === 1 };
}

function isSecret(value: unknown): value is StreamSecret {
  const v = value as Partial<StreamSecret> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.params) &&
    (v.userinfo === null || typeof v.userinfo === 'string')
  );
}

/**
 * A stream's stored credential as read with the hub's key: none, readable, or stored but not
 * readable with this key (hub.key replaced or lost) — then it has to be typed in again.
 */
export type SecretRead = { kind: 'none' } | { kind: 'ok'; secret: StreamSecret } | { kind: 'unreadable' };

export function unreadableCredentials(cameraId: string, stream: CameraStream): ApiError {
  const zh = stream === 'main' ? '主码流' : '子码流';
  return apiError(
    'E_CONFLICT',
    `摄像机 ${cameraId} 的${zh}凭据无法用本机密钥解密（hub.key 已更换或丢失），请重新填写用户名、密码或令牌`,
    `The ${stream} stream credentials of camera ${cameraId} cannot be decrypted with this hub's key (hub.key replaced or lost); enter them again`,
    { cameraId, stream, reason: 'credentials_unreadable' },
  );
}

/** AES-GCM associated data: a stored credential opens only for its own camera row and stream. */
function secretContext(seq: number, stream: string): string {
  return `camera:${seq}:${stream}`;
}

/** SQL of the camera registry (docs/architecture.md#one-hub-many-consoles: kept here so a second store needs no service change). */
/** The stored form of a camera's columns, as named parameters. */
function params(fields: CameraFields) {
  return {
    id: fields.id,
    name: fields.name,
    code: fields.code,
    workstationId: fields.workstationId,
    mainUrl: fields.mainUrl,
    subUrl: fields.subUrl,
    protocol: fields.protocol,
    tags: JSON.stringify(fields.tags),
    enabled: fields.enabled ? 1 : 0,
  };
}

/**
 * Credentials (camera_secrets.secret) are stored encrypted with the hub's secret key
 * (docs/architecture.md#security-posture) as a JSON string "enc1:…" — still JSON, so the column's json_valid check holds. Rows
 * written in clear by earlier versions (a JSON object) are encrypted at hub open
 * (encryptPlainSecrets, main/security/at-rest.ts).
 */
export class CamerasRepo {
  constructor(
    private readonly db: Db,
    private readonly secretKey: Buffer,
  ) {}

  /**
   * Every camera in the order of the org chart (workstation), then by id. The join reads org_units
   * only for its sort: reference data, seeded and never written by the console (org/seed.ts), so
   * the statement stays here rather than sorting in code (SQLite's NOCASE order of the ids, units
   * sharing a sort value, cameras of an unknown unit first).
   */
  all(): CameraRow[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM cameras c LEFT JOIN org_units w ON w.id = c.workstation_id
         ORDER BY w.sort, c.id`,
      )
      .all() as RawRow[];
    return rows.map(toRow);
  }

  /** Ids are compared without case (the column is COLLATE NOCASE): CAM-0001 and cam-0001 are one camera. */
  byId(id: string): CameraRow | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM cameras c WHERE c.id = ?`).get(id) as RawRow | undefined;
    return row && toRow(row);
  }

  byCode(code: string): CameraRow | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM cameras c WHERE c.code = ?`).get(code) as RawRow | undefined;
    return row && toRow(row);
  }

  insert(fields: CameraFields, now: number): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO cameras (id, name, code, workstation_id, main_url, sub_url, protocol, tags, enabled,
                              created_at, updated_at)
         VALUES (@id, @name, @code, @workstationId, @mainUrl, @subUrl, @protocol, @tags, @enabled, @now, @now)`,
      )
      .run({ ...params(fields), now });
    return Number(lastInsertRowid);
  }

  update(seq: number, fields: CameraFields, now: number): void {
    this.db
      .prepare(
        `UPDATE cameras SET id = @id, name = @name, code = @code, workstation_id = @workstationId,
                            main_url = @mainUrl, sub_url = @subUrl, protocol = @protocol, tags = @tags,
                            enabled = @enabled, updated_at = @now
         WHERE seq = @seq`,
      )
      .run({ ...params(fields), now, seq });
  }

  setMedia(seq: number, media: CameraMedia, now: number): void {
    this.db
      .prepare('UPDATE cameras SET playback = ?, transcode = ?, updated_at = ? WHERE seq = ?')
      .run(media.playback, media.transcode ? 1 : 0, now, seq);
  }

  setEnabled(seq: number, enabled: boolean, now: number): void {
    this.db.prepare('UPDATE cameras SET enabled = ?, updated_at = ? WHERE seq = ?').run(enabled ? 1 : 0, now, seq);
  }

  /** Removes the camera; its secrets go with it (ON DELETE CASCADE). */
  delete(seq: number): void {
    this.db.prepare('DELETE FROM cameras WHERE seq = ?').run(seq);
  }

  private decode(seq: number, stream: string, stored: string): SecretRead {
    try {
      const outer: unknown = JSON.parse(stored);
      // A clear row not yet encrypted (only between an upgrade and the hub's open) reads as it is.
      const inner: unknown =
        typeof outer === 'string' && isEncryptedSecret(outer)
          ? JSON.parse(decryptSecret(this.secretKey, outer, secretContext(seq, stream)))
          : outer;
      return isSecret(inner) ? { kind: 'ok', secret: inner } : { kind: 'unreadable' };
    } catch (err) {
      if (err instanceof SecretUnreadableError || err instanceof SyntaxError) return { kind: 'unreadable' };
      throw err;
    }
  }

  readSecret(seq: number, stream: CameraStream): SecretRead {
    const row = this.db
      .prepare('SELECT secret FROM camera_secrets WHERE camera_seq = ? AND stream = ?')
      .get(seq, stream) as { secret: string } | undefined;
    return row ? this.decode(seq, stream, row.secret) : { kind: 'none' };
  }

  /** The stream's credential; an unreadable one is a clear E_CONFLICT naming the camera. */
  secret(seq: number, stream: CameraStream): StreamSecret | null {
    const read = this.readSecret(seq, stream);
    if (read.kind === 'unreadable') {
      const id = (this.db.prepare('SELECT id FROM cameras WHERE seq = ?').get(seq) as { id: string } | undefined)?.id;
      throw unreadableCredentials(id ?? `#${seq}`, stream);
    }
    return read.kind === 'ok' ? read.secret : null;
  }

  private storedSecrets(seq?: number): { seq: number; stream: string; secret: string }[] {
    const select = 'SELECT camera_seq AS seq, stream, secret FROM camera_secrets';
    return (
      seq === undefined ? this.db.prepare(select).all() : this.db.prepare(`${select} WHERE camera_seq = ?`).all(seq)
    ) as { seq: number; stream: string; secret: string }[];
  }

  /**
   * Which streams of which cameras (or of the camera `seq`) have a credential this hub can use
   * ("seq:stream"). Every camera list and every tile's media.open asks: whether a stored text opens
   * is remembered by that text, rather than decrypting every camera's credentials each time.
   */
  secretStreams(seq?: number): Set<string> {
    return new Set(
      this.storedSecrets(seq)
        .filter((r) => this.opens(r.seq, r.stream, r.secret))
        .map((r) => `${r.seq}:${r.stream}`),
    );
  }

  private readonly opened = new Map<string, boolean>();

  private opens(seq: number, stream: string, stored: string): boolean {
    const key = `${seq}:${stream}:${stored}`;
    let ok = this.opened.get(key);
    if (ok === undefined) {
      ok = this.decode(seq, stream, stored).kind === 'ok';
      // Bounded: a registry of a few hundred cameras fits; beyond, it starts again.
      if (this.opened.size >= 4096) this.opened.clear();
      this.opened.set(key, ok);
    }
    return ok;
  }

  /** Streams whose stored credential this hub's key cannot open: they must be entered again. */
  unreadableStreams(): { seq: number; stream: string }[] {
    return this.storedSecrets()
      .filter((r) => this.decode(r.seq, r.stream, r.secret).kind === 'unreadable')
      .map(({ seq, stream }) => ({ seq, stream }));
  }

  /** Encrypts every credential still stored in clear; returns how many. Call inside a transaction. */
  encryptPlainSecrets(): number {
    const update = this.db.prepare('UPDATE camera_secrets SET secret = ? WHERE camera_seq = ? AND stream = ?');
    let count = 0;
    for (const r of this.storedSecrets()) {
      const outer: unknown = JSON.parse(r.secret);
      if (typeof outer === 'string') continue;
      update.run(this.seal(r.seq, r.stream, r.secret), r.seq, r.stream);
      count += 1;
    }
    return count;
  }

  private seal(seq: number, stream: string, json: string): string {
    return JSON.stringify(encryptSecret(this.secretKey, json, secretContext(seq, stream)));
  }

  putSecret(seq: number, stream: CameraStream, secret: StreamSecret | null, now: number): void {
    if (!secret) {
      this.db.prepare('DELETE FROM camera_secrets WHERE camera_seq = ? AND stream = ?').run(seq, stream);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO camera_secrets (camera_seq, stream, secret, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (camera_seq, stream) DO UPDATE SET secret = excluded.secret, updated_at = excluded.updated_at`,
      )
      .run(seq, stream, this.seal(seq, stream, JSON.stringify(secret)), now);
  }

  /** The highest n of the ids shaped CAM-n, 0 when none. */
  maxGeneratedNumber(): number {
    const ids = this.db.prepare("SELECT id FROM cameras WHERE id LIKE 'CAM-%'").all() as { id: string }[];
    return ids.reduce((max, { id }) => Math.max(max, generatedNumber(id) ?? 0), 0);
  }
}

/** n of an id shaped CAM-n (any case), or undefined. */
export function generatedNumber(id: string): number | undefined {
  const m = /^CAM-(\d{1,9})$/i.exec(id);
  return m?.[1] ? Number(m[1]) : undefined;
}

export function generatedId(n: number): string {
  return `CAM-${String(n).padStart(4, '0')}`;
}
