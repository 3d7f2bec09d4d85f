import { open311Words } from '../audit/notes-ops';
import { ApiError, type ApiKey, type Audience, type EventName, type EventPayload } from '../../../common/contract';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { AuditRepo } from '../audit/audit-repo';
import type { OrderActor } from '../orders/actor';
import type { CreateOrderInput, OrdersService } from '../orders/orders-service';
import type { ApiKeysService } from './api-keys';
import { badRequest, forbidden, notFound, Open311Error } from './errors';
import type { Open311Record } from './formats';
import { Open311Repo } from './open311-repo';
import type { Open311Params } from './params';
import {
  descriptionWithFooter,
  parseCreateParams,
  parseRequestQuery,
  titleOf,
  toServiceRequest,
  type Open311Reader,
} from './requests';
import { serviceDefinition, toService } from './services';

/** Server → console events (the hub's EventBus fits). */
export interface Open311Bus {
  publish<E extends EventName>(event: E, payload: EventPayload<E>, audience?: Audience): void;
}

/** What the Open311 endpoint needs from the hub (all of it exists there; see Open311Api). */
export interface Open311Deps {
  db: Db;
  orders: Pick<OrdersService, 'create'>;
  apiKeys: Pick<ApiKeysService, 'verify'>;
  audit: Pick<AuditRepo, 'append'>;
  bus: Open311Bus;
  clock: Clock;
  /** The operations center's org unit: it owns Open311 orders and hears of them. */
  centerId: string;
  /** Largest request body accepted (default 64 KiB). */
  maxBodyBytes?: number;
  /** Called with unexpected errors, which reach the client only as a 500 in the spec's error format. */
  onInternalError?: (err: unknown) => void;
}

export const OPEN311_AUDIT_METHOD = 'open311.requests.create';
const CENTER_NAME_FALLBACK = '合庆镇城市运行综合管理中心';

/**
 * GeoReport v2 over the order service: services are the level-2/3 categories, a POSTed request becomes
 * an order in 待受理 (source open311), and requests are orders seen through status open/closed.
 */
export class Open311Api {
  private readonly repo: Open311Repo;

  constructor(private readonly deps: Open311Deps) {
    this.repo = new Open311Repo(deps.db);
  }

  private centerName(): string {
    return this.repo.unitName(this.deps.centerId) ?? CENTER_NAME_FALLBACK;
  }

  services(): Open311Record[] {
    return this.repo.serviceCategories().map(toService);
  }

  serviceDefinition(code: string): Open311Record {
    const category = this.repo.serviceCategory(code);
    if (!category) throw notFound(`没有服务 ${code} / no service ${code}`);
    return serviceDefinition(category);
  }

  /**
   * The key a call names: null when it names none (absent or blank `api_key`), the key when it is live;
   * a key that is given but unknown, revoked or not even text is refused (403), never read as no key.
   */
  private keyOf(params: Open311Params): ApiKey | null {
    const raw = params.get('api_key');
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
    const key = typeof raw === 'string' ? this.deps.apiKeys.verify(raw.trim()) : null;
    if (!key) throw forbidden('api_key 无效或已吊销 / api_key is invalid or revoked');
    return key;
  }

  /** Filing a request needs a key: it writes an order the center must handle. */
  private requireKey(params: Open311Params): ApiKey {
    const key = this.keyOf(params);
    if (!key) throw forbidden('缺少 api_key / api_key is required to file a request');
    return key;
  }

  /**
   * Reading is open, as GeoReport v2 has it and as common clients expect (they send the key only with
   * a POST). Without a key the reader sees only requests filed through Open311, in their public form;
   * with one, every order, as the center's partners always could.
   */
  private readerOf(params: Open311Params): Open311Reader {
    return this.keyOf(params) ? 'keyed' : 'public';
  }

  /** POST requests: checks the key, then the request; creates the order, its audit row and the event. */
  create(params: Open311Params): Open311Record[] {
    const key = this.requireKey(params);
    const p = parseCreateParams(params);
    const category = this.repo.serviceCategory(p.serviceCode);
    if (!category) {
      throw badRequest(`未知的 service_code：${p.serviceCode} / unknown service_code ${p.serviceCode}`);
    }
    let workstationId: string | null = null;
    if (p.workstation !== null) {
      const ws = this.repo.workstation(p.workstation);
      if (!ws) throw badRequest(`未知的村居工作站：${p.workstation} / unknown workstation ${p.workstation}`);
      workstationId = ws.id;
    }
    const input: CreateOrderInput = {
      title: titleOf(p.description, category.name),
      description: descriptionWithFooter(p),
      categoryId: category.id,
      workstationId,
      address: p.address,
      lat: p.lat,
      lng: p.lng,
      source: 'open311',
      reporterName: p.reporterName,
      reporterPhone: p.phone,
      urgency: 'normal',
      responseLevel: 'patrol',
      cameraId: null,
      attachmentIds: [],
      acceptNow: false,
    };
    const actor: OrderActor = {
      id: null,
      name: `Open311:${key.name}`,
      roles: [],
      orgUnitId: this.deps.centerId,
      stationId: null,
    };
    const { change, auditId } = this.deps.db.transaction(() => {
      const c = this.deps.orders.create(input, actor);
      const id = this.deps.audit.append({
        at: this.deps.clock(),
        actorId: null,
        actorName: `open311:${key.name}`,
        method: OPEN311_AUDIT_METHOD,
        target: `order:${c.code}`,
        ...open311Words(c, category),
        ok: true,
        errorCode: null,
      });
      return { change: c, auditId: id };
    })();
    // After the commit: consoles of the center refresh their lists, admins their audit view.
    this.deps.bus.publish(
      'orders.changed',
      { id: change.id, code: change.code, state: change.state },
      { orgUnitIds: [this.deps.centerId] },
    );
    this.deps.bus.publish('audit.appended', { id: auditId }, { roles: ['admin'] });
    return [
      {
        service_request_id: change.code,
        service_notice: `已登记为工单 ${change.code}，待城运中心受理 / registered as order ${change.code}, awaiting intake by the center`,
        account_id: null,
      },
    ];
  }

  /** GET requests (filters per GeoReport v2), newest first. */
  requests(params: Open311Params): Open311Record[] {
    const reader = this.readerOf(params);
    const filter = { ...parseRequestQuery(params, this.deps.clock()), open311Only: reader === 'public' };
    const center = this.centerName();
    return this.repo.requests(filter).map((row) => toServiceRequest(row, center, reader));
  }

  /** GET requests/{id}: a list of one, as the spec has it (the public gets 404 for an order not filed here). */
  request(code: string, params: Open311Params): Open311Record[] {
    const reader = this.readerOf(params);
    const [row] = this.repo.requests({ codes: [code], open311Only: reader === 'public', limit: 1 });
    if (!row) throw notFound(`没有服务请求 ${code} / no service request ${code}`);
    return [toServiceRequest(row, this.centerName(), reader)];
  }
}

/** Service errors in an Open311 call (a rule of the order service) are the client's: 400. */
export function asOpen311Error(err: unknown): Open311Error | null {
  if (err instanceof Open311Error) return err;
  if (err instanceof ApiError && err.code !== 'E_INTERNAL') {
    return new Open311Error(err.code === 'E_NOT_FOUND' ? 404 : 400, `${err.bilingual.zh} / ${err.bilingual.en}`);
  }
  return null;
}
