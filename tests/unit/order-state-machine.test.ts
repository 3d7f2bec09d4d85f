import { describe, expect, it } from 'vitest';
import { ORDER_STATES, type OrderState } from '../../common/domain/orders/states';
import {
  availableActions,
  decide,
  ORDER_ACTIONS,
  type OrderAction,
  type OrderFacts,
  type PendingRequest,
} from '../../common/domain/orders/transitions';
import { ROLES, type Role } from '../../common/domain/roles';

/*
 * The lifecycle restated as the specification reads (docs/domain.md#the-order-lifecycle), independent of the
 * rule table it checks: action | from states | → to | roles (station_chief only on its own station's
 * orders, marked "own") | pending precondition.
 */
const SPEC = `
accept            | reported                                  | accepted       | hotline_officer grid_officer video_monitor duty_chief
file              | accepted                                  | filed          | duty_chief
dispatch          | filed                                     | dispatched     | duty_chief                       | none
redispatch        | dispatched handling                       | dispatched     | duty_chief station_chief:own     | none
receive           | dispatched                                | handling       | station_chief:own duty_chief
request_return    | dispatched handling                       | return_pending | station_chief:own                | none
approve_return    | return_pending                            | filed          | duty_chief
reject_return     | return_pending                            | previous       | duty_chief
complete          | handling                                  | handled        | station_chief:own duty_chief
self_handle       | reported accepted filed dispatched        | handled        | station_chief:own
verify_pass       | handled                                   | verified       | duty_chief grid_officer
verify_fail       | handled                                   | handling       | duty_chief grid_officer
close             | verified                                  | closed         | duty_chief
feedback          | closed                                    | fed_back       | hotline_officer grid_officer duty_chief
archive           | fed_back                                  | archived       | duty_chief
request_extension | dispatched handling                       | same           | station_chief:own duty_chief     | none
approve_extension | dispatched handling                       | same           | duty_chief                       | extension
reject_extension  | dispatched handling                       | same           | duty_chief                       | extension
request_park      | dispatched handling                       | same           | station_chief:own duty_chief     | none
approve_park      | dispatched handling                       | parked         | duty_chief                       | park
reject_park       | dispatched handling                       | same           | duty_chief                       | park
resume            | parked                                    | previous       | duty_chief
void              | OPEN                                      | voided         | duty_chief
merge             | reported accepted filed                   | merged         | duty_chief hotline_officer grid_officer
supervise         | OPEN                                      | same           | duty_chief
reply_supervision | OPEN                                      | same           | station_chief:own duty_chief     | supervision
`;

const OPEN: OrderState[] = ORDER_STATES.filter(
  (s) => !['closed', 'fed_back', 'archived', 'voided', 'merged'].includes(s),
);

interface SpecRow {
  from: OrderState[];
  to: string;
  roles: Map<Role, 'any' | 'own'>;
  pending: 'none' | 'extension' | 'park' | 'supervision' | undefined;
}

const spec = new Map<OrderAction, SpecRow>(
  SPEC.trim()
    .split('\n')
    .map((line) => {
      const [action = '', from = '', to = '', roles = '', pending] = line.split('|').map((c) => c.trim());
      return [
        action as OrderAction,
        {
          from: from === 'OPEN' ? OPEN : (from.split(/\s+/) as OrderState[]),
          to,
          roles: new Map(
            roles.split(/\s+/).map((r) => {
              const [role = '', scope] = r.split(':');
              return [role as Role, scope === 'own' ? 'own' : 'any'] as const;
            }),
          ),
          pending: (pending || undefined) as SpecRow['pending'],
        },
      ];
    }),
);

const STATION = 'HQ-S1';
const OTHER_STATION = 'HQ-S2';
const PENDINGS: PendingRequest[] = [null, 'extension', 'park'];

describe('order state machine', () => {
  it('the specification covers every action', () => {
    expect([...spec.keys()].sort()).toEqual([...ORDER_ACTIONS].sort());
  });

  // Every state × action × role × (own station / other station) × pending request.
  for (const action of ORDER_ACTIONS) {
    it(action, () => {
      const row = spec.get(action);
      if (!row) throw new Error(`no spec for ${action}`);
      let checked = 0;
      for (const state of ORDER_STATES) {
        for (const pending of PENDINGS) {
          for (const openSupervision of [false, true]) {
            for (const role of ROLES) {
              for (const orderStation of [STATION, OTHER_STATION, null]) {
                const order: OrderFacts = {
                  state,
                  previousState: 'handling',
                  pending,
                  stationId: orderStation,
                  openSupervision,
                };
                const actorOrg = role === 'station_chief' ? STATION : 'HQ-C';
                const decision = decide(order, action, { roles: [role], orgUnitId: actorOrg });
                const scope = row.roles.get(role);
                const pendingOk =
                  row.pending === undefined ||
                  (row.pending === 'supervision'
                    ? openSupervision
                    : row.pending === 'none'
                      ? pending === null
                      : pending === row.pending);
                const allowed =
                  scope !== undefined &&
                  (scope === 'any' || orderStation === STATION) &&
                  row.from.includes(state) &&
                  pendingOk;
                const label = `${action} from ${state} (pending ${pending ?? '-'}, supervision ${openSupervision}) as ${role} on ${orderStation ?? 'no'} station`;
                expect(decision.ok, label).toBe(allowed);
                if (decision.ok) {
                  const expected = row.to === 'same' ? state : row.to === 'previous' ? 'handling' : row.to;
                  expect(decision.to, label).toBe(expected);
                } else if (scope === undefined) {
                  expect(decision.why, label).toBe('role');
                }
                checked++;
              }
            }
          }
        }
      }
      expect(checked).toBe(ORDER_STATES.length * PENDINGS.length * 2 * ROLES.length * 3);
    });
  }

  it('refuses to go back to a previous state that was never recorded', () => {
    const order: OrderFacts = {
      state: 'parked',
      previousState: null,
      pending: null,
      stationId: null,
      openSupervision: false,
    };
    expect(decide(order, 'resume', { roles: ['duty_chief'], orgUnitId: 'HQ-C' })).toEqual({
      ok: false,
      why: 'no_previous',
    });
  });

  it('offers a station chief only what fits their station', () => {
    const mine: OrderFacts = {
      state: 'dispatched',
      previousState: null,
      pending: null,
      stationId: STATION,
      openSupervision: true,
    };
    const station = { roles: ['station_chief'] as Role[], orgUnitId: STATION };
    expect(availableActions(mine, station)).toEqual([
      'redispatch',
      'receive',
      'request_return',
      'self_handle',
      'request_extension',
      'request_park',
      'reply_supervision',
    ]);
    expect(availableActions({ ...mine, stationId: OTHER_STATION }, station)).toEqual([]);
  });

  it('nothing happens to a finished order but feedback and archiving', () => {
    const chief = { roles: [...ROLES], orgUnitId: 'HQ-C' };
    for (const state of ['closed', 'fed_back', 'archived', 'voided', 'merged'] as const) {
      const actions = availableActions(
        { state, previousState: null, pending: null, stationId: null, openSupervision: false },
        chief,
      );
      expect(
        actions.every((a) => a === 'feedback' || a === 'archive'),
        state,
      ).toBe(true);
    }
  });
});
