import { apiError, type HandlerRef } from '../../../../common/contract';
import { isOutsideJurisdiction, jurisdictionOf, targetStationOf } from '../../../../common/domain/orders/jurisdiction';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import type { OrgRepo } from '../../org/org-repo';
import type { OrderActor } from '../actor';
import type { OrderRow } from '../order-rows';
import type { OrderStep, StepChanges } from './order-step';

/** Who handles an order sent to `ref`, and the station that then holds (watches) it. */
export function resolveHandler(org: OrgRepo, ref: HandlerRef, row: OrderRow, actor: OrderActor) {
  if (ref.kind === 'department') {
    const dept = org.department(ref.id);
    if (!dept) throw apiError('E_INVALID', '处置部门不存在', 'No such department', { field: 'handler' });
    // A department dispatched by a station stays under the station's watch.
    return { name: dept.name, stationId: actor.stationId ?? row.stationId };
  }
  const unit = org.unit(ref.id);
  if (!unit || unit.kind !== ref.kind) {
    throw apiError('E_INVALID', '处置单位不存在', 'No such handling unit', { field: 'handler' });
  }
  if (ref.kind === 'station') return { name: unit.name, stationId: unit.id };
  const grid = unit.parentId ? org.unit(unit.parentId) : undefined;
  if (actor.stationId !== null && grid?.stationId !== actor.stationId) {
    throw apiError(
      'E_FORBIDDEN',
      '只能派往本站责任区内的村居',
      'A station may dispatch only to workstations of its own area',
      {
        field: 'handler',
      },
    );
  }
  return { name: unit.name, stationId: grid?.stationId ?? null };
}

/** 派遣 / 改派: to a department, a station or a workstation, with the response level if given. */
const dispatch: OrderStep = ({ row, input, actor }, { org }) => {
  if (!input.handler) throw apiError('E_INVALID', '请选择处置单位', 'Choose who handles it', { field: 'handler' });
  const handler = resolveHandler(org, input.handler, row, actor);
  const changes: StepChanges = {
    fields: {
      handlerKind: input.handler.kind,
      handlerId: input.handler.id,
      handlerName: handler.name,
      stationId: handler.stationId,
    },
    detail: { handler: handler.name, handlerKind: input.handler.kind, responseLevel: input.responseLevel },
  };
  if (input.responseLevel) changes.fields.responseLevel = input.responseLevel;
  // Sent outside the place's own station: allowed (the chief decides), and on the record.
  const unitOf = (id: string) => org.unit(id);
  const owner = jurisdictionOf(row.workstationId, unitOf);
  if (isOutsideJurisdiction(owner, targetStationOf(input.handler, unitOf))) {
    changes.detail.outsideJurisdiction = { ownerStationId: owner?.stationId, ownerStation: owner?.stationName };
  }
  return changes;
};

/** 自处理: a station solves its own report on the spot; an order not yet sent anywhere becomes the station's. */
const selfHandle: OrderStep = ({ row, actor }, { org }) => {
  if (row.handlerId !== null || actor.stationId === null) return { fields: {}, detail: {} };
  const station = org.unit(actor.stationId);
  return {
    fields: {
      handlerKind: 'station',
      handlerId: actor.stationId,
      handlerName: station?.name ?? actor.stationId,
      stationId: actor.stationId,
      responseLevel: 'patrol',
    },
    detail: {},
  };
};

/** Sending an order to who handles it. */
export const DISPATCH_STEPS = {
  dispatch,
  redispatch: dispatch,
  self_handle: selfHandle,
} satisfies Partial<Record<OrderAction, OrderStep>>;
