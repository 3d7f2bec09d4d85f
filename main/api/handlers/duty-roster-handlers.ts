import type { Clock } from '../../clock';
import { dutyPatternWords } from '../../services/audit/notes-ops';
import type { RosterService } from '../../services/duty/roster-service';
import type { OrgRepo } from '../../services/org/org-repo';
import { dutyCheckInHandlers } from './duty-checkin-handlers';
import type { DutyHandler } from './duty-handler';
import { forbidden, rosterAccess } from './duty-roster-access';
import { dutyRosterEditHandlers } from './duty-roster-edit-handlers';

export interface DutyRosterDeps {
  roster: RosterService;
  org: OrgRepo;
  clock: Clock;
}

/**
 * The duty roster API: the shift pattern and reading the roster here; editing it
 * (duty-roster-edit-handlers.ts); on duty, check-in and check-out (duty-checkin-handlers.ts). Who
 * may see and change which unit: duty-roster-access.ts.
 */
export function dutyRosterHandlers(deps: DutyRosterDeps) {
  const { roster, org } = deps;
  const { readable, mayEditRoster, announce } = rosterAccess(roster, org);

  const patternGet: DutyHandler<'duty.pattern.get'> = (ctx, { orgUnitId }) => {
    readable(ctx, orgUnitId);
    return roster.pattern(orgUnitId);
  };

  const patternSet: DutyHandler<'duty.pattern.set'> = (ctx, { orgUnitId, shifts }) => {
    const session = ctx.requireSession();
    const unit = roster.rosterUnit(orgUnitId);
    if (!session.user.roles.includes('admin') && !mayEditRoster(session, unit)) {
      throw forbidden(`修改 ${unit.name} 的班次模板`, `change the shift pattern of ${unit.name}`);
    }
    ctx.audit.target = `duty-pattern:${unit.id}`;
    Object.assign(ctx.audit, dutyPatternWords(unit, shifts));
    const saved = ctx.tx(() => roster.setPattern(unit.id, shifts));
    announce(ctx, unit.id, 'pattern');
    return saved;
  };

  const week: DutyHandler<'duty.roster.week'> = (ctx, { orgUnitId, date }) => {
    readable(ctx, orgUnitId);
    return roster.week(orgUnitId, date);
  };

  const month: DutyHandler<'duty.roster.month'> = (ctx, input) => {
    readable(ctx, input.orgUnitId);
    return roster.month(input.orgUnitId, input.year, input.month);
  };

  return {
    'duty.pattern.get': patternGet,
    'duty.pattern.set': patternSet,
    'duty.roster.week': week,
    'duty.roster.month': month,
    ...dutyRosterEditHandlers(deps),
    ...dutyCheckInHandlers(deps),
  };
}
