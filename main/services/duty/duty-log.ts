import { apiError, type AttachmentInfo } from '../../../common/contract';
import {
  DUTY_LOG_SEARCH_MAX,
  DUTY_LOG_TEXT_MAX,
  dutyLogLinksSchema,
  type DutyEntryRef,
  type DutyLogEntry,
  type DutyLogKind,
  type DutyLogLinks,
  type DutyLogSearch,
  type DutyLogSearchRow,
  type DutyShift,
} from '../../../common/contract/duty-log';
import { shiftAt, shiftInstances, type ShiftInstance, type ShiftPattern } from '../../../common/domain/duty';
import { dateOfDay, dayNumber, shanghaiDate } from '../../../common/domain/time';
import { toGrams, toMatchQuery } from '../../../common/domain/text/bigrams';
import type { Clock } from '../../clock';
import { toAttachmentInfo } from '../attachments/attachments-repo';
import type { EntryRow } from './duty-log-repo';
import type { DutyStore } from './duty-store';
import { canonicalJson } from './seal';

/** Author name of the entries the hub logs by itself. */
export const SYSTEM_AUTHOR = '系统';

export interface AppendInput {
  orgUnitId: string;
  /** Null for entries without a signed-in author (system). */
  authorId: number | null;
  authorName: string;
  kind: DutyLogKind;
  text: string;
  correctsId?: number | undefined;
  links?: DutyLogLinks | undefined;
}

/** Stored form of links: canonical JSON of the non-empty parts, or null when nothing is linked. */
function storedLinks(links: DutyLogLinks | undefined): string | null {
  if (!links) return null;
  const parsed = dutyLogLinksSchema.safeParse(links);
  if (!parsed.success) throw apiError('E_INVALID', '关联信息无效', 'Invalid links', parsed.error.issues);
  const l = parsed.data;
  const kept: DutyLogLinks = {};
  if (l.orderIds && l.orderIds.length > 0) kept.orderIds = [...new Set(l.orderIds)];
  if (l.cameraIds && l.cameraIds.length > 0) kept.cameraIds = [...new Set(l.cameraIds)];
  if (l.incidentId !== undefined) kept.incidentId = l.incidentId;
  if (l.attachmentIds && l.attachmentIds.length > 0) kept.attachmentIds = [...new Set(l.attachmentIds)];
  return Object.keys(kept).length > 0 ? canonicalJson(kept) : null;
}

function parseLinks(stored: string | null): DutyLogLinks | null {
  if (stored === null) return null;
  const parsed = dutyLogLinksSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}

/** What the duty log reads and writes: its entries, and the files, orders and cameras they link. */
export type DutyLogStore = Pick<DutyStore, 'log' | 'attachments' | 'orderRefs' | 'cameraRefs'>;

/**
 * The duty log (值班日志): append-only entries in the shifts of an org unit. There is deliberately
 * no way to edit or delete an entry; a correction is a new entry pointing at the one it corrects.
 * `patterns` gives each org unit's shift pattern (its template), from which missing shift rows are
 * created on first use.
 */
export class DutyLog {
  private readonly repo: DutyLogStore['log'];

  constructor(
    private readonly store: DutyLogStore,
    private readonly clock: Clock,
    private readonly patterns: (orgUnitId: string) => ShiftPattern,
  ) {
    this.repo = store.log;
  }

  shift(id: number): DutyShift | undefined {
    return this.repo.shift(id);
  }

  /** The row of a shift instance, inserted if it is not there yet. */
  private shiftRow(orgUnitId: string, instance: ShiftInstance): DutyShift {
    return this.repo.ensureShift(orgUnitId, instance);
  }

  /**
   * The shift of `orgUnitId` covering `at` (default now), its row created if missing. E_CONFLICT when
   * the org unit's pattern has no shift at that time (a station without night standby at 23:00).
   */
  currentShift(orgUnitId: string, at: number = this.clock()): DutyShift {
    const instance = shiftAt(this.patterns(orgUnitId), at);
    if (!instance) {
      throw apiError('E_CONFLICT', '当前时间不在任何班次内', 'No shift of this org unit covers the current time');
    }
    return this.shiftRow(orgUnitId, instance);
  }

  /** The shift covering `at`, its row created if missing; null when none does. */
  coveringShift(orgUnitId: string, at: number): DutyShift | null {
    const instance = shiftAt(this.patterns(orgUnitId), at);
    return instance ? this.shiftRow(orgUnitId, instance) : null;
  }

  /** The first shift starting at or after `at` (within two days), or null. */
  nextShift(orgUnitId: string, at: number): DutyShift | null {
    const today = dayNumber(shanghaiDate(at)) ?? 0;
    const next = shiftInstances(this.patterns(orgUnitId), dateOfDay(today), dateOfDay(today + 2)).find(
      (s) => s.startsAt >= at,
    );
    return next ? this.shiftRow(orgUnitId, next) : null;
  }

  /** The last shift ending at or before `at` (within two days), or null. */
  previousShift(orgUnitId: string, at: number): DutyShift | null {
    const today = dayNumber(shanghaiDate(at)) ?? 0;
    const before = shiftInstances(this.patterns(orgUnitId), dateOfDay(today - 2), dateOfDay(today))
      .filter((s) => s.endsAt <= at)
      .pop();
    return before ? this.shiftRow(orgUnitId, before) : null;
  }

  /**
   * The shift new entries go into: the one covering now, or — once its handover has started or it
   * is sealed (a handover may finish a little early), or when no shift covers now — the first later
   * shift still open. Null only when the pattern has no open shift within the next days.
   */
  writableShift(orgUnitId: string): DutyShift | null {
    const now = this.clock();
    const covering = shiftAt(this.patterns(orgUnitId), now);
    let shift: DutyShift | null = covering ? this.shiftRow(orgUnitId, covering) : this.nextShift(orgUnitId, now);
    // A handful at most: shifts are only handed over around their end.
    for (let i = 0; shift !== null && shift.status !== 'open' && i < 8; i++)
      shift = this.nextShift(orgUnitId, shift.endsAt);
    return shift !== null && shift.status === 'open' ? shift : null;
  }

  /** `writableShift`, or E_CONFLICT saying why there is none. */
  requireWritableShift(orgUnitId: string): DutyShift {
    const shift = this.writableShift(orgUnitId);
    if (!shift) {
      throw apiError(
        'E_CONFLICT',
        '本单位近期没有可写入的班次（请检查班次模板）',
        'This org unit has no open shift now or soon (check its shift pattern)',
      );
    }
    return shift;
  }

  /**
   * Writes an entry into the writable shift of the author's org unit (`writableShift`): while the
   * current shift is being handed over, new entries already belong to the next one. A correction
   * must point at an entry of the same org unit; attachments must exist.
   */
  append(input: AppendInput): DutyLogEntry {
    const text = input.text.trim();
    if (text === '') throw apiError('E_INVALID', '记录内容不能为空', 'The entry text is empty');
    if (text.length > DUTY_LOG_TEXT_MAX) {
      throw apiError(
        'E_INVALID',
        `记录内容超过 ${DUTY_LOG_TEXT_MAX} 字`,
        `The text is over ${DUTY_LOG_TEXT_MAX} characters`,
      );
    }
    if (input.authorName.trim() === '') throw apiError('E_INVALID', '缺少记录人', 'The author is missing');
    const links = storedLinks(input.links);
    return this.repo.transaction(() => {
      const shift = this.requireWritableShift(input.orgUnitId);
      if (input.correctsId !== undefined) this.checkCorrected(input.correctsId, input.orgUnitId);
      this.checkAttachments(input.links?.attachmentIds ?? []);
      return this.insert(shift.id, { ...input, text }, links);
    });
  }

  /**
   * Logs an event the system knows of into the writable shift, marked as a system entry: system
   * events are never lost, and never land in a shift whose handover summary is already frozen.
   * Null only when the pattern has no open shift within the next days.
   */
  appendSystem(orgUnitId: string, text: string, links?: DutyLogLinks): DutyLogEntry | null {
    const trimmed = text.trim().slice(0, DUTY_LOG_TEXT_MAX);
    if (trimmed === '') throw apiError('E_INVALID', '记录内容不能为空', 'The entry text is empty');
    const stored = storedLinks(links);
    return this.repo.transaction(() => {
      const shift = this.writableShift(orgUnitId);
      if (shift === null) return null;
      return this.insert(
        shift.id,
        { orgUnitId, authorId: null, authorName: SYSTEM_AUTHOR, kind: 'system', text: trimmed },
        stored,
      );
    });
  }

  private checkAttachments(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const found = new Set(this.store.attachments.byIds(ids).map((f) => f.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) {
      throw apiError('E_NOT_FOUND', `附件 ${missing} 不存在`, `Attachment ${missing} does not exist`, {
        id: missing,
      });
    }
  }

  /** The org unit whose log holds entry `id` (for the visibility check of a correction), if it exists. */
  entryOrgUnit(id: number): string | undefined {
    return this.repo.entryOrgUnit(id);
  }

  private checkCorrected(correctsId: number, orgUnitId: string): void {
    const target = this.entryOrgUnit(correctsId);
    if (target === undefined) {
      throw apiError('E_NOT_FOUND', `要更正的记录 ${correctsId} 不存在`, `Entry ${correctsId} does not exist`);
    }
    if (target !== orgUnitId) {
      throw apiError(
        'E_INVALID',
        '只能更正本单位值班日志中的记录',
        'A correction must point at an entry of the same org unit',
        { correctsId },
      );
    }
  }

  private insert(shiftId: number, input: AppendInput, links: string | null): DutyLogEntry {
    const id = this.repo.insert({
      shiftId,
      at: this.clock(),
      authorId: input.authorId,
      authorName: input.authorName,
      kind: input.kind,
      text: input.text,
      correctsId: input.correctsId ?? null,
      links,
      grams: toGrams(input.text),
    });
    const entry = this.entry(id);
    if (!entry) throw new Error(`duty log entry ${id} vanished`);
    return entry;
  }

  entry(id: number): DutyLogEntry | undefined {
    const row = this.repo.entry(id);
    return row ? this.withCorrections([row])[0] : undefined;
  }

  /** The entries of a shift in the order they were written, each with the entries that correct it. */
  entries(shiftId: number): DutyLogEntry[] {
    return this.withCorrections(this.repo.entries(shiftId));
  }

  /** Entries by number and shift (「12-01 早班 第3条」), for the two ends of a correction. */
  private refs(ids: readonly number[]): Map<number, DutyEntryRef> {
    return new Map(this.repo.refs(ids).map((r) => [r.id, r]));
  }

  private withCorrections<R extends EntryRow>(
    rows: R[],
  ): (Omit<R, 'links'> &
    Pick<
      DutyLogEntry,
      'links' | 'correctedBy' | 'correctsRef' | 'correctedByRefs' | 'attachments' | 'orders' | 'cameras'
    >)[] {
    const ids = rows.map((r) => r.id);
    const byTarget = new Map<number, number[]>();
    for (const f of this.repo.corrections(ids)) {
      const list = byTarget.get(f.correctsId);
      if (list) list.push(f.id);
      else byTarget.set(f.correctsId, [f.id]);
    }
    const refs = this.refs([
      ...rows.flatMap((r) => (r.correctsId === null ? [] : [r.correctsId])),
      ...[...byTarget.values()].flat(),
    ]);
    const withLinks = rows.map((r) => ({ ...r, links: parseLinks(r.links) }));
    const files = this.attachmentInfos(withLinks.flatMap((r) => r.links?.attachmentIds ?? []));
    const orders = this.store.orderRefs(withLinks.flatMap((r) => r.links?.orderIds ?? []));
    const cameras = this.store.cameraRefs(withLinks.flatMap((r) => r.links?.cameraIds ?? []));
    return withLinks.map((r) => ({
      ...r,
      correctedBy: byTarget.get(r.id) ?? [],
      correctsRef: r.correctsId === null ? null : (refs.get(r.correctsId) ?? null),
      correctedByRefs: (byTarget.get(r.id) ?? []).flatMap((id) => refs.get(id) ?? []),
      attachments: (r.links?.attachmentIds ?? []).flatMap((id) => files.get(id) ?? []),
      orders: (r.links?.orderIds ?? []).flatMap((id) => orders.get(id) ?? []),
      cameras: (r.links?.cameraIds ?? []).flatMap((id) => cameras.get(id) ?? []),
    }));
  }

  private attachmentInfos(ids: readonly number[]): Map<number, AttachmentInfo> {
    return new Map(this.store.attachments.byIds([...new Set(ids)]).map((r) => [r.id, toAttachmentInfo(r)]));
  }

  /**
   * Entries matching every given condition, newest first, at most `limit` (default and upper bound
   * `cap`: DUTY_LOG_SEARCH_MAX on screen, more for an export); `truncated` when there were more.
   */
  search(query: DutyLogSearch, cap: number = DUTY_LOG_SEARCH_MAX): { rows: DutyLogSearchRow[]; truncated: boolean } {
    let match: string | undefined;
    if (query.text !== undefined && query.text !== '') {
      const built = toMatchQuery(query.text);
      if (built === null) {
        throw apiError(
          'E_INVALID',
          '请输入至少两个汉字或一个完整的词',
          'Enter at least two Chinese characters or a whole word',
        );
      }
      match = built;
    }
    const limit = Math.min(query.limit ?? cap, cap);
    const rows = this.repo.search(
      { match, orgUnitId: query.orgUnitId, from: query.from, to: query.to, kind: query.kind },
      limit + 1,
    );
    const truncated = rows.length > limit;
    return { rows: this.withCorrections(rows.slice(0, limit)), truncated };
  }
}
