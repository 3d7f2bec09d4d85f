import type { z } from 'zod';
import {
  apiError,
  type Camera,
  type CameraFilter,
  type CameraImportReport,
  type CameraStream,
  type CameraTreeDto,
  type CameraViewsReport,
  type cameraCreateSchema,
  type cameraUpdateSchema,
} from '../../../common/contract';
import {
  buildCameraTree,
  fieldError,
  inferProtocol,
  mergeSecret,
  splitStreamUrl,
  validateCamera,
  workstationResolver,
  type CameraInput,
  type ImportFormat,
} from '../../../common/domain/cameras';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { SessionsRepo } from '../auth/sessions-repo';
import type { OrgRepo } from '../org/org-repo';
import { placesOf, toCamera, cameraFilter, unknownOnline, type OnlineState } from './camera-dto';
import { exportCameras, type CameraFile, type CameraFileFormat } from './camera-export';
import { importCameras } from './camera-import';
import { applyPlan, planWrite, rowError } from './camera-plan';
import { CameraViews, type ViewRecord, type ViewStart } from './camera-views';
import { CamerasRepo, generatedId, type CameraMedia, type CameraRow } from './cameras-repo';

/** The media settings may be left out (scripts, tests): 'auto' and no transcoding, as in the contract. */
export type CameraCreate = Omit<z.output<typeof cameraCreateSchema>, keyof CameraMedia> & Partial<CameraMedia>;
export type CameraUpdate = z.output<typeof cameraUpdateSchema>;

export interface CamerasOptions {
  /** AES-256-GCM key of the stored credentials (hub.keys.secretKey, main/security/hub-keys.ts). */
  secretKey: Buffer;
  /** Longest a viewing record stays open before the sweep closes it; default 12 h (a session). */
  maxViewMs?: number;
}

/** Audit-friendly names of the fields an update changed (names only: never a URL). */
const FIELD_NAMES: Partial<Record<keyof CameraRow, string>> = {
  name: '名称',
  code: '编码',
  workstationId: '工作站',
  mainUrl: '主码流',
  subUrl: '子码流',
  protocol: '协议',
  tags: '标签',
  enabled: '启用',
  playback: '播放方式',
  transcode: 'H.265 转码',
};

/** Settings safe to name with their new value in the audit (no URL, no credential). */
const SHOWN_VALUES: Partial<Record<keyof CameraRow, (row: CameraRow) => string>> = {
  playback: (row) => ({ auto: '自动', webrtc: '仅 WebRTC', hls: '仅 HLS' })[row.playback],
  transcode: (row) => (row.transcode ? '开' : '关'),
};

/** The same settings' values as codes, for the audit detail the console names in its language. */
const SHOWN_CODES: Partial<Record<keyof CameraRow, (row: CameraRow) => string>> = {
  playback: (row) => row.playback,
  transcode: (row) => (row.transcode ? 'on' : 'off'),
};

function notFound(id: string) {
  return apiError('E_NOT_FOUND', `摄像机 ${id} 不存在`, `No camera ${id}`);
}

/**
 * The camera registry: cameras at workstations, their stream URLs stored masked
 * with the credentials apart, import/export, the tree, and the viewing record (item 10). Writes are
 * plain calls; the API handlers run them inside the call's transaction together with its audit row.
 */
export class CamerasService {
  readonly repo: CamerasRepo;
  private readonly views: CameraViews;

  constructor(
    private readonly db: Db,
    private readonly org: OrgRepo,
    private readonly clock: Clock,
    options: CamerasOptions,
  ) {
    this.repo = new CamerasRepo(db, options.secretKey);
    this.views = new CameraViews(db, options.maxViewMs ?? 12 * 3600_000, new SessionsRepo(db));
  }

  private workstations(): { id: string; name: string }[] {
    return this.org.units().filter((u) => u.kind === 'workstation');
  }

  /** Every camera as the UI sees it, filtered. */
  private cameras(filter: CameraFilter, online: OnlineState): Camera[] {
    const places = placesOf(this.org.units());
    const secrets = this.repo.secretStreams();
    return this.repo
      .all()
      .map((row) => toCamera(row, places, secrets, online))
      .filter(cameraFilter(filter));
  }

  list(filter: CameraFilter, limit: number, online: OnlineState = unknownOnline): { rows: Camera[]; total: number } {
    const all = this.cameras(filter, online);
    return { rows: all.slice(0, limit), total: all.length };
  }

  tree(filter: CameraFilter, includeEmpty: boolean, online: OnlineState = unknownOnline): CameraTreeDto {
    return buildCameraTree(this.org.units(), this.cameras(filter, online), { includeEmpty });
  }

  private row(id: string): CameraRow {
    const row = this.repo.byId(id);
    if (!row) throw notFound(id);
    return row;
  }

  get(id: string, online: OnlineState = unknownOnline): Camera {
    const row = this.row(id);
    return toCamera(row, placesOf(this.org.units()), this.repo.secretStreams(row.seq), online);
  }

  /** Checks and writes one camera (create or update); the caller has checked the id is free. */
  private save(input: CameraInput, media: CameraMedia, target: CameraRow | undefined): Camera {
    const checked = validateCamera(input, workstationResolver(this.workstations(), { byName: false }));
    if (!checked.ok) throw rowError(checked.errors);
    const { draft } = checked;
    const id = target?.id ?? draft.id ?? generatedId(this.repo.maxGeneratedNumber() + 1);
    const holder = draft.code ? this.repo.byCode(draft.code) : undefined;
    if (holder && holder.seq !== target?.seq) {
      throw rowError(
        [fieldError('code', 'code_taken', `编码已属于摄像机 ${holder.id}`, `The code belongs to camera ${holder.id}`)],
        'E_CONFLICT',
      );
    }
    const planned = planWrite(this.repo, draft, id, target);
    if (!planned.ok) throw rowError(planned.errors);
    this.db.transaction(() => {
      const seq = applyPlan(this.repo, planned.plan, this.clock());
      if (!target || target.playback !== media.playback || target.transcode !== media.transcode) {
        this.repo.setMedia(seq, media, this.clock());
      }
    })();
    return this.get(id);
  }

  create(input: CameraCreate): Camera {
    if (input.id && this.repo.byId(input.id)) {
      throw rowError(
        [fieldError('id', 'id_taken', `编号 ${input.id} 已被使用`, `The id ${input.id} is taken`)],
        'E_CONFLICT',
      );
    }
    const { playback = 'auto', transcode = false, ...fields } = input;
    return this.save({ ...fields, workstation: input.workstationId }, { playback, transcode }, undefined);
  }

  /** Applies the fields given; returns the camera and the names of the fields that changed. */
  update(input: CameraUpdate): { camera: Camera; changed: string[]; changedCodes: string[] } {
    const before = this.row(input.id);
    const secretsBefore = this.storedSecrets(before.seq);
    const mainUrl = input.mainUrl ?? before.mainUrl;
    // A new main URL without a protocol: the one it implies, else the camera's current one.
    const split = input.mainUrl === undefined ? null : splitStreamUrl(input.mainUrl);
    const implied = split?.ok ? inferProtocol(split.value) : null;
    const camera = this.save(
      {
        id: before.id,
        name: input.name ?? before.name,
        code: input.code === undefined ? before.code : input.code,
        workstation: input.workstationId ?? before.workstationId,
        mainUrl,
        subUrl: input.subUrl === undefined ? before.subUrl : input.subUrl,
        protocol: input.protocol ?? implied ?? before.protocol,
        tags: input.tags ?? before.tags,
        enabled: input.enabled ?? before.enabled,
      },
      { playback: input.playback ?? before.playback, transcode: input.transcode ?? before.transcode },
      before,
    );
    const after = this.row(input.id);
    const names: string[] = [];
    const codes: string[] = [];
    for (const [key, name] of Object.entries(FIELD_NAMES)) {
      const k = key as keyof CameraRow;
      if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
      const value = SHOWN_VALUES[k];
      names.push(value ? `${name}→${value(after)}` : name);
      codes.push(value ? `${k}=${SHOWN_CODES[k]?.(after) ?? ''}` : k);
    }
    // A retyped credential leaves the masked URL as it was: say that it changed, never what to.
    const secretsAfter = this.storedSecrets(after.seq);
    if (secretsBefore.main !== secretsAfter.main) {
      names.push('主码流凭据');
      codes.push('mainSecret');
    }
    if (secretsBefore.sub !== secretsAfter.sub) {
      names.push('子码流凭据');
      codes.push('subSecret');
    }
    return { camera, changed: names, changedCodes: codes };
  }

  /** Comparable forms of the stored credentials (the ciphertext differs on every write). */
  private storedSecrets(seq: number): Record<CameraStream, string> {
    return {
      main: JSON.stringify(this.repo.readSecret(seq, 'main')),
      sub: JSON.stringify(this.repo.readSecret(seq, 'sub')),
    };
  }

  setEnabled(id: string, enabled: boolean): Camera {
    const row = this.row(id);
    this.repo.setEnabled(row.seq, enabled, this.clock());
    return this.get(row.id);
  }

  delete(id: string): CameraRow {
    const row = this.row(id);
    this.repo.delete(row.seq);
    return row;
  }

  /**
   * The playable URL with its credentials, for the hub's media layer only (never a contract
   * output). A camera without a sub stream plays its main stream; null for unknown or disabled.
   */
  streamUrl(cameraId: string, stream: CameraStream): string | null {
    const row = this.repo.byId(cameraId);
    if (!row?.enabled) return null;
    const use: CameraStream = stream === 'sub' && row.subUrl !== null ? 'sub' : 'main';
    const masked = use === 'sub' ? row.subUrl : row.mainUrl;
    return masked === null ? null : mergeSecret(masked, this.repo.secret(row.seq, use));
  }

  /** Whether the hub transcodes the camera's H.265 streams to H.264 (false for an unknown camera). */
  transcodes(cameraId: string): boolean {
    return this.repo.byId(cameraId)?.transcode ?? false;
  }

  /** See camera-import.ts; call inside a transaction (the handler's) so good rows land together. */
  importFile(format: ImportFormat, text: string, dryRun: boolean): CameraImportReport {
    return importCameras(
      { repo: this.repo, workstations: this.workstations(), now: this.clock() },
      format,
      text,
      dryRun,
    );
  }

  exportFile(format: CameraFileFormat, filter: CameraFilter): CameraFile {
    return exportCameras(this.cameras(filter, unknownOnline), this.workstations(), format, this.clock());
  }

  /** Opens a viewing record; a sub stream the camera lacks is recorded as the main one it plays. */
  viewStart(
    cameraId: string,
    stream: CameraStream,
    viewer: Omit<ViewStart, 'cameraId' | 'cameraName' | 'stream'>,
  ): ViewRecord {
    const row = this.row(cameraId);
    if (!row.enabled) throw apiError('E_CONFLICT', `摄像机 ${row.id} 已停用`, `Camera ${row.id} is disabled`);
    const played: CameraStream = stream === 'sub' && row.subUrl === null ? 'main' : stream;
    return this.views.start({ ...viewer, cameraId: row.id, cameraName: row.name, stream: played }, this.clock());
  }

  viewEnd(viewId: number, userId: number): ViewRecord {
    return this.views.end(viewId, userId, this.clock());
  }

  /** Closes views whose session ended or that ran past the maximum duration (run on a timer). */
  closeStaleViews(now: number = this.clock()): number {
    return this.views.closeStale(now);
  }

  /** Closes the views of a console connection that went away (call when the hub detaches it). */
  closeConnectionViews(connectionId: string, now: number = this.clock()): number {
    return this.views.closeConnection(connectionId, now);
  }

  viewsReport(q: {
    from: number;
    to: number;
    cameraId?: string | undefined;
    userId?: number | undefined;
  }): CameraViewsReport {
    const cameraId = q.cameraId === undefined ? undefined : (this.repo.byId(q.cameraId)?.id ?? q.cameraId);
    return this.views.report({ ...q, cameraId }, this.clock());
  }
}
