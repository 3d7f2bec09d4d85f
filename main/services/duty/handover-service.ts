import { ApiError, apiError } from '../../../common/contract';
import {
  handoverSummarySchema,
  type HandoverSignature,
  type HandoverState,
  type HandoverSummary,
} from '../../../common/contract/duty-handover';
import type { DutyShift } from '../../../common/contract/duty-log';
import type { ShiftOrgKind } from '../../../common/domain/duty';
import type { Role } from '../../../common/domain/roles';
import type { Clock } from '../../clock';
import type { AuthService } from '../auth/auth-service';
import type { StoredUser } from '../users/users-repo';
import type { ChainHead } from '../../../common/contract/duty-log';
import type { Checklists } from './checklist';
import type { DutyLog } from './duty-log';
import { canSeeUnitLog, type DutyScope } from './duty-visibility';
import type { DutyStore } from './duty-store';
import { buildSummary, type SummaryInput, type SummarySources } from './handover-summary';
import type { RosterService } from './roster-service';
import { chainHead, sealOf, sealShift } from './seal';
import { CHIEF_POST, shiftInstances } from '../../../common/domain/duty';
import { dateOfDay, dayNumber, hhmm } from '../../../common/domain/time';

/** A shift just ended may still be handed over this long after its end (交接窗口). */
export const HANDOVER_WINDOW_MS = 60 * 60_000;
/**
 * The handover of a shift may start this long before its end (hub option
 * handoverOpensBeforeMinutes): not at 09:10 for a shift ending 16:00.
 */
export const DEFAULT_HANDOVER_OPENS_BEFORE_MS = 30 * 60_000;

/** What the handler logs of a signature whose signer was not rostered as the next shift's chief. */
export interface SignOverride {
  signerName: string;
  nextShift: string;
  reason: string;
}

/** The role that signs a handover in each kind of unit. */
export const CHIEF_ROLE: Record<ShiftOrgKind, Role> = { center: 'duty_chief', station: 'station_chief' };

export interface Caller {
  id: number;
  displayName: string;
  roles: readonly Role[];
  orgUnitId: string;
}

/**
 * The handover (交接班): the outgoing chief starts it, which freezes the generated
 * summary and closes the shift's log; the outgoing and the incoming chief each sign by re-entering
 * their password; the second signature seals the shift (seal.ts). A handover not yet sealed may be
 * called off, which opens the log again.
 */
export class HandoverService {
  constructor(
    /** The duty domain's repositories (one set per hub, dutyStore). */
    private readonly store: DutyStore,
    private readonly clock: Clock,
    private readonly dutyLog: DutyLog,
    private readonly roster: RosterService,
    private readonly checklists: Checklists,
    /** Only to check a signer's password (verifySigner). */
    private readonly auth: Pick<AuthService, 'verifyCredentials'>,
    /** HMAC key of the seals (hub.keys.sealKey, kept outside the database). */
    private readonly sealKey: Buffer,
    private readonly sources: SummarySources = {},
    /** How long before a shift's end its handover may start (DEFAULT_HANDOVER_OPENS_BEFORE_MS). */
    private readonly opensBeforeMs: number = DEFAULT_HANDOVER_OPENS_BEFORE_MS,
  ) {}

  /** When the handover of `shift` may be started: from shortly before its end until the window after it. */
  window(shift: Pick<DutyShift, 'endsAt'>): { opensAt: number; closesAt: number } {
    return { opensAt: shift.endsAt - this.opensBeforeMs, closesAt: shift.endsAt + HANDOVER_WINDOW_MS };
  }

  /**
   * The shift that takes over from `shift` (the first of the unit's pattern starting at or after its
   * end) with the people rostered as its chief; null when the pattern has none within two days.
   * Read from the pattern, so reading a state creates no shift rows.
   */
  next(shift: DutyShift): HandoverState['next'] {
    const unit = this.roster.rosterUnit(shift.orgUnitId);
    const pattern = this.roster.pattern(unit.id);
    const day = dayNumber(shift.date) ?? 0;
    const following = shiftInstances(pattern, shift.date, dateOfDay(day + 2)).find((s) => s.startsAt >= shift.endsAt);
    if (!following) return null;
    const chiefs = this.store.roster.holders(
      { orgUnitId: unit.id, date: following.date, shiftCode: following.code },
      CHIEF_POST[unit.kind],
    );
    const name = pattern.shifts.find((t) => t.code === following.code)?.name ?? following.code;
    return { date: following.date, code: following.code, name, startsAt: following.startsAt, chiefs };
  }

  /** The caller's unit, which must run shifts, and the caller must be its chief. */
  private chiefUnit(caller: Caller) {
    const unit = this.roster.rosterUnit(caller.orgUnitId);
    if (!caller.roles.includes(CHIEF_ROLE[unit.kind])) {
      throw apiError(
        'E_FORBIDDEN',
        `只有${unit.name}的值班长可以办理交接班`,
        `Only a chief of ${unit.name} hands over its shifts`,
      );
    }
    return unit;
  }

  shift(id: number): DutyShift | undefined {
    return this.dutyLog.shift(id);
  }

  private shiftName(shift: DutyShift): string {
    return this.roster.pattern(shift.orgUnitId).shifts.find((s) => s.code === shift.code)?.name ?? shift.code;
  }

  /**
   * The shift to hand over now: a handover already running; else the shift that ended within the
   * handover window if it is still open; else the shift covering now (open, in handover or sealed).
   */
  target(orgUnitId: string): DutyShift {
    const running = this.store.handovers.running(orgUnitId);
    if (running) return running;
    const now = this.clock();
    const covering = this.dutyLog.coveringShift(orgUnitId, now);
    const previous = this.dutyLog.previousShift(orgUnitId, covering?.startsAt ?? now);
    if (previous && previous.status === 'open' && now < previous.endsAt + HANDOVER_WINDOW_MS) return previous;
    if (covering) return covering;
    if (previous) return previous;
    throw apiError('E_CONFLICT', '当前没有需要交接的班次', 'There is no shift to hand over now');
  }

  current(caller: Caller): HandoverState {
    const unit = this.chiefUnit(caller);
    return this.state(this.target(unit.id));
  }

  /** A draft summary of the shift to hand over (nothing saved). */
  preview(caller: Caller): HandoverSummary {
    const unit = this.chiefUnit(caller);
    const shift = this.target(unit.id);
    const items = this.checklists.items(unit.id, unit.kind);
    return buildSummary(
      this.store,
      { unit, shift: { ...shift, name: this.shiftName(shift) } },
      items,
      { checklist: [], notes: '', doneAssigned: [] },
      this.clock(),
      this.sources,
    );
  }

  /** Any shift the viewer may see (duty-visibility.ts: center users every unit's, others their own unit's). */
  get(viewer: DutyScope, shiftId: number): HandoverState {
    const shift = this.shift(shiftId);
    if (!shift || !canSeeUnitLog(shift.orgUnitId, viewer)) {
      throw apiError('E_NOT_FOUND', `班次 ${shiftId} 不存在`, `Shift ${shiftId} does not exist`);
    }
    return this.state(shift);
  }

  state(shift: DutyShift): HandoverState {
    const row = this.store.handovers.handover(shift.id);
    const seal = sealOf(this.store, shift.id);
    const summaryText = row?.summary ?? seal?.summary ?? null;
    return {
      shift,
      shiftName: this.shiftName(shift),
      startedBy: row ? { userId: row.userId, userName: row.userName, at: row.at } : null,
      summary: summaryText === null ? null : handoverSummarySchema.parse(JSON.parse(summaryText)),
      signatures: this.signatures(shift.id),
      seal: seal
        ? {
            sealedAt: seal.sealedAt,
            sealHash: seal.sealHash,
            prevSealHash: seal.prevSealHash,
            entriesHash: seal.entriesHash,
            seq: seal.seq,
          }
        : null,
      window: this.window(shift),
      next: this.next(shift),
    };
  }

  private signatures(shiftId: number): HandoverSignature[] {
    return this.store.handovers.signatures(shiftId);
  }

  private requireTarget(caller: Caller, shiftId: number) {
    const unit = this.chiefUnit(caller);
    const shift = this.target(unit.id);
    if (shift.id !== shiftId) {
      throw apiError(
        'E_CONFLICT',
        '要交接的班次已变化，请刷新后重试',
        'The shift to hand over has changed; refresh and try again',
        { shiftId: shift.id },
      );
    }
    return { unit, shift };
  }

  /** Freezes the summary and closes the shift's log (synchronous: run inside the call's transaction). */
  start(caller: Caller, shiftId: number, input: SummaryInput): HandoverState {
    const { unit, shift } = this.requireTarget(caller, shiftId);
    if (shift.status !== 'open') {
      throw apiError(
        'E_CONFLICT',
        shift.status === 'sealed' ? '该班次已封存' : '该班次的交接班已经开始',
        shift.status === 'sealed' ? 'The shift is already sealed' : 'The handover of this shift has already started',
      );
    }
    const now = this.clock();
    const { opensAt } = this.window(shift);
    if (now < opensAt) {
      // Not at 09:10 for a shift ending 16:00: the next chief is not here, nor is the shift over.
      throw apiError(
        'E_CONFLICT',
        `交接将于 ${hhmm(opensAt)} 开放（${this.shiftName(shift)}结束前 ${this.opensBeforeMs / 60_000} 分钟）`,
        `The handover opens at ${hhmm(opensAt)} (${this.opensBeforeMs / 60_000} minutes before the shift ends)`,
        { reason: 'HANDOVER_NOT_OPEN', opensAt },
      );
    }
    const summary = buildSummary(
      this.store,
      { unit, shift: { ...shift, name: this.shiftName(shift) } },
      this.checklists.items(unit.id, unit.kind),
      input,
      now,
      this.sources,
    );
    this.store.handovers.start(shift.id, { id: caller.id, name: caller.displayName }, now, JSON.stringify(summary));
    return this.state({ ...shift, status: 'handover' });
  }

  cancel(caller: Caller, shiftId: number): HandoverState {
    const { shift } = this.requireTarget(caller, shiftId);
    if (shift.status !== 'handover') {
      throw apiError('E_CONFLICT', '该班次没有进行中的交接班', 'The shift has no handover in progress');
    }
    this.store.handovers.cancel(shift.id);
    return this.state({ ...shift, status: 'open' });
  }

  /**
   * Checks the signer's password (as sign-in does, counting failures towards the lockout). A wrong
   * password is E_INVALID on the password field, not E_UNAUTHENTICATED: the caller's own session
   * is fine. Async; does not write the signature (see `sign`).
   */
  async verifySigner(username: string, password: string): Promise<StoredUser> {
    try {
      return await this.auth.verifyCredentials(username, password);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'E_UNAUTHENTICATED') {
        throw apiError('E_INVALID', err.bilingual.zh, err.bilingual.en, { field: 'password' });
      }
      throw err;
    }
  }

  /**
   * Records a signature of a verified chief of the unit; the second one seals the shift. Run inside
   * the call's transaction. Answers the new state and whether it sealed.
   */
  sign(
    caller: Caller,
    shiftId: number,
    side: 'outgoing' | 'incoming',
    signer: StoredUser,
    override?: { reason: string },
  ): { state: HandoverState; sealed: boolean; override: SignOverride | null } {
    const { unit, shift } = this.requireTarget(caller, shiftId);
    if (shift.status !== 'handover') {
      throw apiError('E_CONFLICT', '请先开始交接班，再签名', 'Start the handover before signing');
    }
    if (signer.orgUnitId !== unit.id || !signer.roles.includes(CHIEF_ROLE[unit.kind])) {
      throw apiError(
        'E_FORBIDDEN',
        `${signer.displayName} 不是${unit.name}的值班长，不能签名`,
        `${signer.username} is not a chief of ${unit.name} and cannot sign`,
        { field: 'username' },
      );
    }
    const signed = this.signatures(shift.id);
    if (signed.some((s) => s.side === side)) {
      throw apiError('E_CONFLICT', '这一方已经签名', 'This side has already signed');
    }
    if (signed.some((s) => s.userId === signer.id)) {
      throw apiError(
        'E_INVALID',
        '交班和接班须由两位不同的值班长签名',
        'The outgoing and the incoming chief must be two different people',
        { field: 'username' },
      );
    }
    const overridden = side === 'incoming' ? this.checkIncoming(caller, shift, signer, override) : null;
    if (side === 'outgoing' && override) {
      throw apiError('E_INVALID', '只有接班签名可以确认越权接班', 'Only the incoming signature takes an override', {
        field: 'override',
      });
    }
    const now = this.clock();
    this.store.handovers.sign(shift.id, side, { id: signer.id, name: signer.displayName }, now);
    const all = this.signatures(shift.id);
    const outgoing = all.find((s) => s.side === 'outgoing');
    const incoming = all.find((s) => s.side === 'incoming');
    if (!outgoing || !incoming) return { state: this.state(shift), sealed: false, override: overridden };
    const summary = this.state(shift).summary;
    const signerOf = (s: HandoverSignature) => ({
      id: s.userId,
      name: s.userName,
      username: this.store.users.byId(s.userId)?.username ?? '',
    });
    sealShift(this.store, this.sealKey, shift.id, summary, [signerOf(outgoing), signerOf(incoming)], now);
    return { state: this.state({ ...shift, status: 'sealed' }), sealed: true, override: overridden };
  }

  /**
   * The incoming signer must be rostered as chief (CHIEF_POST) of the next shift — not whoever
   * happens to be at hand seven hours early. Otherwise the signature needs an explicit override with
   * a reason, which is written to the duty log (the next shift's, where entries go during the
   * handover) and returned for the audit log.
   */
  private checkIncoming(
    caller: Caller,
    shift: DutyShift,
    signer: StoredUser,
    override: { reason: string } | undefined,
  ): SignOverride | null {
    const next = this.next(shift);
    if (next?.chiefs.some((c) => c.userId === signer.id)) return null;
    const nextName = next ? `${next.date} ${next.name}` : '下一班次';
    const rostered = next && next.chiefs.length > 0 ? next.chiefs.map((c) => c.userName).join('、') : null;
    if (!override) {
      throw apiError(
        'E_CONFLICT',
        `${signer.displayName} 未排为${nextName}的值班长（${rostered ? `排班：${rostered}` : '该班次未排值班长'}）；如确需由其接班，请填写原因并确认越权接班`,
        `${signer.username} is not rostered as chief of the next shift (${next ? `${next.date} ${next.code}` : 'none'}${rostered ? `; rostered: ${rostered}` : '; no chief rostered'}); give a reason to confirm an override`,
        { field: 'username', reason: 'INCOMING_NOT_ROSTERED', rostered: next?.chiefs ?? [] },
      );
    }
    const reason = override.reason.trim();
    const text = `越权接班确认：${signer.displayName} 未排为${nextName}的值班长（${rostered ? `排班：${rostered}` : '该班次未排值班长'}），由 ${caller.displayName} 确认其接班签名。原因：${reason}`;
    this.dutyLog.appendSystem(shift.orgUnitId, text);
    return { signerName: signer.displayName, nextShift: nextName, reason };
  }

  /** The unit's newest numbered seal now (the chain head a printed report shows), if any. */
  chainHead(orgUnitId: string): ChainHead | undefined {
    return chainHead(this.store, orgUnitId);
  }

  /** The latest sealed shifts of a unit, newest first. */
  sealed(orgUnitId: string, limit: number) {
    const rows = this.store.handovers.sealed(orgUnitId, limit);
    return rows.map((r) => ({ ...r, shiftName: this.shiftName(r) }));
  }
}
