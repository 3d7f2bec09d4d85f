import { OVERVIEW_OVERDUE_MAX, type Overview, type OverviewShift } from '../../../common/contract/overview';
import { ORDER_STATES, isOpen } from '../../../common/domain/orders/states';
import { dayStart, shanghaiDay } from '../../../common/domain/time';
import type { Clock } from '../../clock';
import type { OnlineState } from '../cameras/camera-dto';
import type { CamerasService } from '../cameras/cameras-service';
import type { RosterService } from '../duty/roster-service';
import type { IncidentReader } from '../incidents/incident-read';
import { canSeeIncident } from '../incidents/visibility';
import type { OrderCountsRepo, OpenGroup } from '../orders/order-counts-repo';
import type { OrgRepo } from '../org/org-repo';
import type { Viewer } from '../org/viewer';

export interface OverviewDeps {
  counts: OrderCountsRepo;
  org: OrgRepo;
  cameras: CamerasService;
  /** The camera gateway's online state (late-bound by the hub, as for the camera tree). */
  online: OnlineState;
  roster: RosterService;
  incidents: IncidentReader;
  clock: Clock;
}

const OPEN_STATES = ORDER_STATES.filter(isOpen);

type OrderPart = Pick<Overview, 'orders' | 'approvals' | 'stations' | 'workstations'>;

/**
 * The situation overview (态势总览): each part is asked of its own domain — order counts of the
 * orders repository (grouped in SQL), cameras of the camera registry with the gateway's state, the
 * shift of the roster, incidents of the incident reader — and scoped as that domain's list is.
 */
export class OverviewService {
  constructor(private readonly deps: OverviewDeps) {}

  get(viewer: Viewer): Overview {
    const now = this.deps.clock();
    const stationId = viewer.stationId;
    const todayFrom = dayStart(shanghaiDay(now));
    const { orders, approvals, stations, workstations } = this.orderPart(now, stationId);
    orders.newToday = this.deps.counts.createdSince(todayFrom, stationId);
    return {
      at: now,
      stationId,
      todayFrom,
      orders,
      overdue: this.deps.counts.overdue(now, stationId, OVERVIEW_OVERDUE_MAX),
      approvals,
      stations,
      workstations,
      cameras: this.cameras(stationId),
      onShift: this.onShift(stationId),
      incidents: this.deps.incidents
        .active()
        .filter((i) => canSeeIncident(i, viewer))
        .map((i) => this.deps.incidents.summary(i, now)),
    };
  }

  /** Folds the open-order groups into the counts by state, light, approval, station and workstation. */
  private orderPart(now: number, stationId: string | null): OrderPart {
    const groups = this.deps.counts.openGroups(now, stationId);
    const units = this.deps.org.units();
    const grids = new Map(units.filter((u) => u.kind === 'grid').map((g) => [g.id, g]));
    const stationUnits = units.filter((u) => u.kind === 'station' && (stationId === null || u.id === stationId));
    // A station's workstations are those of the grids it serves (DOMAIN.md: station → grid).
    const workstationUnits = units.filter(
      (u) => u.kind === 'workstation' && (stationId === null || grids.get(u.parentId ?? '')?.stationId === stationId),
    );
    const sum = (pick: (g: OpenGroup) => boolean) => groups.reduce((n, g) => n + (pick(g) ? g.count : 0), 0);
    const place = (key: 'stationId' | 'workstationId', id: string) => ({
      open: sum((g) => g[key] === id),
      red: sum((g) => g[key] === id && g.light === 'red'),
    });
    return {
      orders: {
        open: sum(() => true),
        newToday: 0,
        byState: OPEN_STATES.map((state) => ({ state, count: sum((g) => g.state === state) })),
        byLight: {
          green: sum((g) => g.light === 'green'),
          yellow: sum((g) => g.light === 'yellow'),
          red: sum((g) => g.light === 'red'),
          paused: sum((g) => g.light === 'paused'),
        },
      },
      approvals: {
        total: sum((g) => g.approval !== null),
        extension: sum((g) => g.approval === 'extension'),
        park: sum((g) => g.approval === 'park'),
        return: sum((g) => g.approval === 'return'),
      },
      stations: stationUnits.map((s) => ({ id: s.id, name: s.name, ...place('stationId', s.id) })),
      workstations: workstationUnits.map((w) => ({
        id: w.id,
        name: w.name,
        gridId: w.parentId,
        ...place('workstationId', w.id),
      })),
    };
  }

  /** Cameras by grid as the wall's tree counts them (a station user: the station's cameras). */
  private cameras(stationId: string | null): Overview['cameras'] {
    const tree = this.deps.cameras.tree(stationId === null ? {} : { stationId }, false, this.deps.online);
    return tree.grids.map((g) => ({ gridId: g.id, gridName: g.name, ...g.counts }));
  }

  /** The shift running now at the center and each station (a station user: their station's). */
  private onShift(stationId: string | null): OverviewShift[] {
    const now = this.deps.clock();
    const units = this.deps.org
      .units()
      .filter((u) => (stationId === null ? u.kind === 'center' || u.kind === 'station' : u.id === stationId));
    return units.map((u) => {
      const { mine: _mine, ...duty } = this.deps.roster.onDuty(u.id, now);
      return { ...duty, orgUnitName: u.name };
    });
  }
}
