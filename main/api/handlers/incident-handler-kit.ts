import type { z } from 'zod';
import type { EventPayload } from '../../../common/contract';
import type { incidentMethods } from '../../../common/contract/incidents';
import type { Clock } from '../../clock';
import type { IncidentRecord } from '../../services/incidents/incident-read';
import type { IncidentActor, IncidentsService } from '../../services/incidents/incidents-service';
import { noIncidentPorts, type IncidentPorts } from '../../services/incidents/ports';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf } from '../../services/org/viewer';
import type { HandlerContext } from '../handler-types';

type IncidentMethods = typeof incidentMethods;
export type IncidentMethod = keyof IncidentMethods;

/** A handler typed by the incidents contract alone (identical to `Handler<M>` once it is in the contract). */
export type IncidentHandler<M extends IncidentMethod> = (
  ctx: HandlerContext,
  input: z.output<IncidentMethods[M]['input']>,
) => z.output<IncidentMethods[M]['output']>;

export type IncidentWhat = EventPayload<'incidents.changed'>['what'];

export interface IncidentDeps {
  incidents: IncidentsService;
  org: OrgRepo;
  clock: Clock;
  ports?: IncidentPorts;
  /**
   * Called inside the transaction of an activation, level change or close (the duty log's system
   * entries); answers the org units whose log got an entry, announced after the call succeeds.
   */
  onSwitch?: (incident: IncidentRecord, what: 'activated' | 'level' | 'closed', detail: string) => string[];
  /** Announces duty-log changes of those units (hub: duty.changed). */
  announceLog?: (unitIds: readonly string[]) => void;
  /** Whether a shared wall view (a plan's preset view) exists. */
  sharedViewExists: (id: number) => boolean;
}

/** What every family of incident handlers shares: who calls, the answer of a write, the refetch event. */
export interface IncidentKit {
  actor: (ctx: HandlerContext) => IncidentActor;
  /** The incident as the caller sees it (the answer of every call on one incident). */
  detail: (ctx: HandlerContext, id: number) => ReturnType<IncidentsService['read']['detail']>;
  /** Everyone signed in refetches the banner and any open incident view. */
  changed: (ctx: HandlerContext, id: number, what: IncidentWhat) => void;
}

export function incidentKit(deps: IncidentDeps): IncidentKit {
  const { incidents, org, clock } = deps;
  const ports = deps.ports ?? noIncidentPorts;

  const actor = (ctx: HandlerContext): IncidentActor => {
    const { user } = ctx.requireSession();
    return { id: user.id, name: user.displayName, viewer: viewerOf(org, user) };
  };

  return {
    actor,
    detail: (ctx, id) => {
      const who = actor(ctx);
      return incidents.read.detail(incidents.visible(id, who.viewer), who.viewer, clock(), ports);
    },
    changed: (ctx, id, what) => {
      ctx.publish('incidents.changed', { id, what });
    },
  };
}
