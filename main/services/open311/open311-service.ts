import type { ApiKey, MethodOutput } from '../../../common/contract';
import type { Connection } from '../../api/connection';
import type { Router } from '../../api/router';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { ApiKeysService } from './api-keys';
import { forbidden, notFound, open311ErrorOf } from './errors';
import type { Open311Record } from './formats';
import { Open311Repo } from './open311-repo';
import type { Open311Params } from './params';
import { parseRequestQuery, toServiceRequest, type Open311Reader } from './requests';
import { serviceDefinition, toService } from './services';

export { asOpen311Error } from './errors';

/** What the Open311 endpoint needs from the hub (all of it exists there; see Open311Api). */
export interface Open311Deps {
  /** Reads (services, requests) go to the database; the one write goes through the router. */
  db: Db;
  router: Pick<Router, 'call'>;
  apiKeys: Pick<ApiKeysService, 'verify'>;
  clock: Clock;
  /** The operations center's org unit: its name answers as the agency of every request. */
  centerId: string;
  /** Largest request body accepted (default 64 KiB). */
  maxBodyBytes?: number;
  /** Called with unexpected errors, which reach the client only as a 500 in the spec's error format. */
  onInternalError?: (err: unknown) => void;
}

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

  /**
   * POST requests: checks the key here (a call without a valid key names nobody, so it leaves no
   * audit row), then files the request through the router like every other write — its rules, the
   * audit row of a success or a failure and the event are the router's and the handler's
   * (api/handlers/open311-handlers.ts).
   */
  async create(params: Open311Params): Promise<Open311Record[]> {
    const key = this.requireKey(params);
    const fields: Record<string, unknown> = {};
    for (const [name, value] of params) if (name !== 'api_key') fields[name] = value;
    const caller: Connection = {
      id: `open311:${key.id}`,
      token: null,
      push: () => undefined,
      // The endpoint names its callers: audit rows say open311:<key name>.
      apiKey: { id: key.id, name: key.name, actorName: `open311:${key.name}` },
    };
    const result = await this.deps.router.call(caller, 'open311.requests.create', fields);
    if (!result.ok) throw open311ErrorOf(result.error);
    const { code } = result.value as MethodOutput<'open311.requests.create'>;
    return [
      {
        service_request_id: code,
        service_notice: `已登记为工单 ${code}，待城运中心受理 / registered as order ${code}, awaiting intake by the center`,
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
