import { apiError } from '../../../common/contract';
import { dutyChecklistWords } from '../../services/audit/notes-ops';
import { CHIEF_ROLE } from '../../services/duty/handover-service';
import type { DutyHandler } from './duty-handler';
import type { DutyHandoverDeps } from './duty-handover-handlers';

/** The handover checklist of the caller's unit: everyone on it reads, its chiefs edit. */
export function dutyChecklistHandlers(deps: Pick<DutyHandoverDeps, 'roster' | 'checklists'>) {
  const checklistGet: DutyHandler<'duty.checklist.get'> = (ctx) => {
    const unit = deps.roster.rosterUnit(ctx.requireSession().user.orgUnitId);
    return deps.checklists.items(unit.id, unit.kind);
  };

  const checklistSet: DutyHandler<'duty.checklist.set'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    const unit = deps.roster.rosterUnit(user.orgUnitId);
    if (!user.roles.includes(CHIEF_ROLE[unit.kind])) {
      // A station chief edits the station's list, a duty chief the center's.
      throw apiError(
        'E_FORBIDDEN',
        `只有${unit.name}的值班长可以修改检查项`,
        `Only a chief of ${unit.name} edits its checklist`,
      );
    }
    return ctx.tx(() => {
      const items = deps.checklists.set(unit.id, input.items);
      ctx.audit.target = `duty-checklist:${unit.id}`;
      Object.assign(
        ctx.audit,
        dutyChecklistWords(
          unit,
          items.map((i) => i.label),
        ),
      );
      ctx.publish('duty.changed', { orgUnitId: unit.id, what: 'checklist' }, { orgUnitIds: [unit.id] });
      return items;
    });
  };

  return { 'duty.checklist.get': checklistGet, 'duty.checklist.set': checklistSet };
}
