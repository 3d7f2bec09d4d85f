import { apiError, type OrgUnit } from '../../../common/contract';
import type { DutyPatternDto, ShiftTemplateDto } from '../../../common/contract/duty-roster';
import {
  defaultPattern,
  postsFor,
  shiftInstances,
  validatePattern,
  type ShiftInstance,
  type ShiftOrgKind,
  type ShiftPattern,
} from '../../../common/domain/duty';
import { dateOfDay, shanghaiDay } from '../../../common/domain/time';
import type { Clock } from '../../clock';
import type { OrgRepo } from '../org/org-repo';
import type { RosterRepo, RosterRow } from './roster-repo';
import type { Placed } from './roster-rules';

export type RosterUnit = OrgUnit & { kind: ShiftOrgKind };

/** Which units run shifts, their shift patterns, and placing roster rows on those shifts. */
export class RosterPatterns {
  constructor(
    private readonly repo: RosterRepo,
    private readonly org: OrgRepo,
    private readonly clock: Clock,
  ) {}

  /** The unit (center or station) whose roster it is; E_NOT_FOUND / E_INVALID otherwise. */
  rosterUnit(orgUnitId: string): RosterUnit {
    const unit = this.org.unit(orgUnitId);
    if (!unit) throw apiError('E_NOT_FOUND', `组织单元 ${orgUnitId} 不存在`, `No org unit ${orgUnitId}`);
    if (unit.kind !== 'center' && unit.kind !== 'station') {
      throw apiError(
        'E_INVALID',
        `${unit.name} 不排班：只有城运中心和联勤站有班次`,
        `${unit.name} has no roster: only the center and the joint-duty stations run shifts`,
      );
    }
    return unit as RosterUnit;
  }

  patternOf(unit: RosterUnit): ShiftPattern {
    const shifts = this.repo.pattern(unit.id);
    return shifts ? { orgKind: unit.kind, shifts } : defaultPattern(unit.kind);
  }

  pattern(orgUnitId: string): DutyPatternDto {
    const unit = this.rosterUnit(orgUnitId);
    const stored = this.repo.pattern(unit.id);
    const shifts = stored ?? defaultPattern(unit.kind).shifts;
    return {
      orgUnitId: unit.id,
      orgKind: unit.kind,
      isDefault: stored === null,
      shifts: shifts.map((s) => ({ ...s })),
      posts: postsFor(unit.kind).map((p) => ({ ...p })),
    };
  }

  /**
   * Saves a unit's pattern after `validatePattern` (E_INVALID listing the problems). A shift that
   * still has people rostered today or later cannot be removed (E_CONFLICT): take them off first.
   */
  setPattern(orgUnitId: string, shifts: readonly ShiftTemplateDto[]): DutyPatternDto {
    const unit = this.rosterUnit(orgUnitId);
    const pattern: ShiftPattern = { orgKind: unit.kind, shifts };
    const problems = validatePattern(pattern);
    if (problems.length > 0) {
      throw apiError(
        'E_INVALID',
        `班次模板有误：${problems.map((p) => p.message.zh).join('；')}`,
        `The shift pattern is invalid: ${problems.map((p) => p.message.en).join('; ')}`,
        { problems: problems.map((p) => ({ kind: p.kind, codes: p.codes, message: p.message })) },
      );
    }
    const kept = new Set(shifts.map((s) => s.code));
    const today = dateOfDay(shanghaiDay(this.clock()));
    const orphans = this.repo.rosteredFrom(unit.id, today).filter((r) => !kept.has(r.code));
    if (orphans.length > 0) {
      const list = orphans.map((o) => `${o.code}（${o.n}）`).join('、');
      throw apiError(
        'E_CONFLICT',
        `班次 ${list} 今后仍有排班，请先调整排班再删除这些班次`,
        `Shifts ${orphans.map((o) => `${o.code} (${o.n})`).join(', ')} still have people rostered from today on; change the roster first`,
        { shiftCodes: orphans.map((o) => o.code) },
      );
    }
    this.repo.savePattern(unit.id, shifts, this.clock());
    return this.pattern(unit.id);
  }

  /**
   * Rows placed on their shift instance; rows whose shift code the pattern no longer has are left out.
   * Each unit's pattern is read, and each (unit, date)'s shifts expanded, once per call: the rows
   * of a week share a handful of them (seeding the demo roster placed the same day thousands of times).
   */
  place(rows: readonly RosterRow[]): Placed[] {
    const patterns = new Map<string, ShiftPattern>();
    const days = new Map<string, Map<string, ShiftInstance>>();
    const shiftsOf = (orgUnitId: string, date: string): Map<string, ShiftInstance> => {
      const key = `${orgUnitId}|${date}`;
      let byCode = days.get(key);
      if (!byCode) {
        let pattern = patterns.get(orgUnitId);
        if (!pattern) {
          pattern = this.patternOf(this.rosterUnit(orgUnitId));
          patterns.set(orgUnitId, pattern);
        }
        byCode = new Map();
        // The first of a code wins, as find() did (a valid pattern has each code once).
        for (const s of shiftInstances(pattern, date, date)) if (!byCode.has(s.code)) byCode.set(s.code, s);
        days.set(key, byCode);
      }
      return byCode;
    };
    const out: Placed[] = [];
    for (const row of rows) {
      const shift = shiftsOf(row.orgUnitId, row.date).get(row.shiftCode);
      if (shift) out.push({ row, shift });
    }
    return out;
  }
}
