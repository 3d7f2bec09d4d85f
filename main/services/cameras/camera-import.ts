import type { CameraImportLine, CameraImportReport } from '../../../common/contract';
import {
  duplicatesInFile,
  fieldError,
  readImportFile,
  validateCamera,
  workstationResolver,
  type CameraFieldError,
  type CameraInput,
  type ImportFormat,
  type ImportRow,
} from '../../../common/domain/cameras';
import { applyPlan, planWrite, type WritePlan } from './camera-plan';
import { generatedId, generatedNumber, type CameraRow, type CamerasRepo } from './cameras-repo';

/** A stored camera as file cells, so a row that leaves a column out keeps the stored value. */
function asInput(row: CameraRow): CameraInput {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    workstation: row.workstationId,
    mainUrl: row.mainUrl,
    subUrl: row.subUrl,
    protocol: row.protocol,
    tags: row.tags,
    enabled: row.enabled,
  };
}

function merged(row: ImportRow, existing: CameraRow | undefined): CameraInput {
  if (!existing) return row.input;
  const base = asInput(existing);
  const has = (key: Parameters<ImportRow['present']['has']>[0]) => row.present.has(key);
  return {
    id: existing.id,
    name: has('name') ? row.input.name : base.name,
    code: has('code') ? row.input.code : base.code,
    workstation: has('workstation') ? row.input.workstation : base.workstation,
    mainUrl: has('mainUrl') ? row.input.mainUrl : base.mainUrl,
    subUrl: has('subUrl') ? row.input.subUrl : base.subUrl,
    // A new main URL without a stated protocol: inferred from it, as for a new camera.
    protocol: has('protocol') ? row.input.protocol : has('mainUrl') ? '' : base.protocol,
    tags: has('tags') ? row.input.tags : base.tags,
    enabled: has('enabled') ? row.input.enabled : base.enabled,
  };
}

/** What the rows of a file accepted so far hold. */
interface FileClaims {
  /** Who holds which code once the rows accepted so far are saved (null: freed by one of them). */
  codeOwner: Map<string, string | null>;
  /** Which line already saves which camera: one camera is changed by one row of a file. */
  savedBy: Map<string, number>;
}

/** Why a row clashes with the rows accepted before it (the same camera, or a code held by another); null if not. */
function clash(repo: CamerasRepo, claims: FileClaims, id: string, code: string | null): CameraFieldError | null {
  const earlier = claims.savedBy.get(id.toLowerCase());
  if (earlier !== undefined) {
    return fieldError(
      'id',
      'duplicate_in_file',
      `与第 ${earlier} 行是同一台摄像机（${id}）`,
      `Same camera (${id}) as line ${earlier}`,
    );
  }
  if (code) {
    const owner = claims.codeOwner.has(code) ? claims.codeOwner.get(code) : repo.byCode(code)?.id;
    if (owner && owner.toLowerCase() !== id.toLowerCase()) {
      return fieldError('code', 'code_taken', `编码已属于摄像机 ${owner}`, `The code belongs to camera ${owner}`);
    }
  }
  return null;
}

export interface ImportContext {
  repo: CamerasRepo;
  workstations: readonly { id: string; name: string }[];
  now: number;
}

/**
 * Checks every row of a camera file and, unless `dryRun`, saves the good ones — the caller runs this
 * in one transaction, so either all good rows are saved or (on an unexpected failure) none. A row
 * names its camera by id, else by GB code, else it is new and gets the next CAM-nnnn id.
 */
export function importCameras(
  ctx: ImportContext,
  format: ImportFormat,
  text: string,
  dryRun: boolean,
): CameraImportReport {
  const { repo } = ctx;
  const file = readImportFile(format, text);
  if (file.fileErrors.length > 0) {
    const lines = file.fileErrors.map((f) => ({ line: f.line, ok: false, errors: f.errors }));
    return { dryRun, total: 0, created: 0, updated: 0, rejected: 0, lines };
  }
  const resolve = workstationResolver(ctx.workstations, { byName: true });
  const stated = file.rows.map((r) => ({
    line: r.line,
    id: r.unreadable ? null : r.input.id?.trim() || null,
    code: r.unreadable ? null : r.input.code?.trim() || null,
  }));
  const duplicates = duplicatesInFile(stated);
  // New ids continue after every CAM-n already used, in the registry or stated in this file.
  let nextNumber = Math.max(repo.maxGeneratedNumber(), ...stated.map((s) => (s.id ? (generatedNumber(s.id) ?? 0) : 0)));
  const claims: FileClaims = { codeOwner: new Map(), savedBy: new Map() };
  const plans: WritePlan[] = [];
  const lines: CameraImportLine[] = [];

  file.rows.forEach((row, i) => {
    const s = stated[i] ?? { id: null, code: null };
    const errors: CameraFieldError[] = [...row.errors, ...(duplicates.get(row.line) ?? [])];
    if (row.unreadable || duplicates.has(row.line)) {
      lines.push({ line: row.line, ok: false, errors });
      return;
    }
    const existing = s.id ? repo.byId(s.id) : s.code ? repo.byCode(s.code) : undefined;
    const checked = validateCamera(merged(row, existing), resolve);
    if (!checked.ok) errors.push(...checked.errors);
    if (errors.length > 0 || !checked.ok) {
      lines.push({ line: row.line, ok: false, errors });
      return;
    }
    const { draft } = checked;
    // A generated id is taken only if the row is saved: a rejected row leaves no gap.
    const generated = !existing && !draft.id;
    const id = existing?.id ?? draft.id ?? generatedId(nextNumber + 1);
    const clashed = clash(repo, claims, id, draft.code);
    if (clashed) {
      lines.push({ line: row.line, ok: false, errors: [clashed] });
      return;
    }
    const planned = planWrite(repo, draft, id, existing);
    if (!planned.ok) {
      lines.push({ line: row.line, ok: false, errors: planned.errors });
      return;
    }
    if (existing?.code && existing.code !== draft.code) claims.codeOwner.set(existing.code, null);
    if (draft.code) claims.codeOwner.set(draft.code, id);
    if (generated) nextNumber += 1;
    claims.savedBy.set(id.toLowerCase(), row.line);
    plans.push(planned.plan);
    lines.push({ line: row.line, ok: true, cameraId: id, action: existing ? 'update' : 'create', errors: [] });
  });

  if (!dryRun) for (const plan of plans) applyPlan(repo, plan, ctx.now);
  const created = plans.filter((p) => !p.target).length;
  return {
    dryRun,
    total: file.rows.length,
    created,
    updated: plans.length - created,
    rejected: lines.filter((l) => !l.ok).length,
    lines,
  };
}
