import { apiError } from '../../../common/contract';
import { rosterCopyWords, rosterWords } from '../../services/audit/notes';
import type { DutyHandler } from './duty-handler';
import type { DutyRosterDeps } from './duty-roster-handlers';
import { rosterAccess } from './duty-roster-access';

/** Editing the roster: assign, unassign, copy a week, and the people who can be put on it. */
export function dutyRosterEditHandlers(deps: DutyRosterDeps) {
  const { roster, org } = deps;
  const { mayRead, editable, announce } = rosterAccess(roster, org);

  const assign: DutyHandler<'duty.roster.assign'> = (ctx, { orgUnitId, ...input }) => {
    editable(ctx, orgUnitId);
    const by = ctx.requireSession().user.id;
    const saved = ctx.tx(() => {
      const s = roster.assign(orgUnitId, input, by);
      ctx.audit.target = `roster:${s.id}`;
      Object.assign(ctx.audit, rosterWords('roster.assign', roster.pattern(orgUnitId), org.unit(orgUnitId)?.name, s));
      return s;
    });
    announce(ctx, saved.orgUnitId, 'roster');
    return saved;
  };

  const unassign: DutyHandler<'duty.roster.unassign'> = (ctx, { id }) => {
    const found = roster.assignment(id);
    // Another unit's assignment the caller may not even read answers like one that does not exist.
    if (!found || !mayRead(ctx.requireSession(), found.orgUnitId)) {
      throw apiError('E_NOT_FOUND', `排班 #${id} 不存在`, `No roster assignment #${id}`);
    }
    editable(ctx, found.orgUnitId);
    ctx.audit.target = `roster:${id}`;
    Object.assign(
      ctx.audit,
      rosterWords('roster.unassign', roster.pattern(found.orgUnitId), org.unit(found.orgUnitId)?.name, found),
    );
    ctx.tx(() => roster.unassign(id));
    announce(ctx, found.orgUnitId, 'roster');
    return null;
  };

  const copyWeek: DutyHandler<'duty.roster.copyWeek'> = (ctx, { orgUnitId, fromMonday, weeks }) => {
    editable(ctx, orgUnitId);
    const by = ctx.requireSession().user.id;
    ctx.audit.target = `roster-week:${orgUnitId}:${fromMonday}`;
    const result = ctx.tx(() => {
      const r = roster.copyWeek(orgUnitId, fromMonday, weeks, by);
      Object.assign(ctx.audit, rosterCopyWords(orgUnitId, org.unit(orgUnitId)?.name, fromMonday, weeks, r.created));
      return r;
    });
    // Copying an empty week creates nothing: nobody needs to refetch.
    if (result.created > 0) announce(ctx, orgUnitId, 'roster');
    return result;
  };

  const people: DutyHandler<'duty.roster.people'> = (ctx, { orgUnitId }) => {
    editable(ctx, orgUnitId);
    return roster.people(orgUnitId);
  };

  return {
    'duty.roster.assign': assign,
    'duty.roster.people': people,
    'duty.roster.unassign': unassign,
    'duty.roster.copyWeek': copyWeek,
  };
}
