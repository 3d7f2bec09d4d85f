import type { z } from 'zod';
import {
  ApiError,
  apiError,
  contract,
  findOddText,
  isMethodName,
  oddTextError,
  type ApiResult,
  type MethodDef,
} from '../../common/contract';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import { storageError, storageFaultOf, type StorageFault } from '../db/storage-errors';
import type { AuditRepo } from '../services/audit/audit-repo';
import type { AuthService } from '../services/auth/auth-service';
import { AnonymousWriteThrottle, anonymousWritesLimited } from './anonymous-writes';
import type { Connection } from './connection';
import type { EventBus } from './event-bus';
import { zodIssueZh } from './zod-messages';
import { CallScope } from './call-scope';
import type { HandlerContext, HandlerMap, Session } from './handler-types';

export interface RouterDeps {
  db: Db;
  clock: Clock;
  auth: AuthService;
  audit: AuditRepo;
  bus: EventBus;
  handlers: HandlerMap;
  /** Called with unexpected errors (bugs), which reach the caller only as E_INTERNAL. */
  onInternalError?: (method: string, err: unknown) => void;
  /** Called when the store cannot be written (disk full, read-only, damaged): the caller gets E_STORAGE. */
  onStorageFault?: (method: string, fault: StorageFault, err: unknown) => void;
  /** Called after a writing call was stored (its audit row too). */
  onWriteStored?: () => void;
}

/** E_INVALID from a schema failure: every issue with its field path, in English and in Chinese. */
function invalidInput(error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, zh: zodIssueZh(i) }));
  const first = issues[0];
  if (!first) return apiError('E_INVALID', '输入无效', 'Invalid input', { issues });
  const zh = first.path ? `输入无效：${first.zh}（字段 ${first.path}）` : `输入无效：${first.zh}`;
  return apiError('E_INVALID', zh, `Invalid input — ${first.path || '(input)'}: ${first.message}`, { issues });
}

const API_KEY_ONLY = [
  '此方法仅供持 API 密钥的对接系统调用',
  'Only partner systems with an API key may call this',
] as const;

function authorize(def: MethodDef, session: Session | null, method: string, keyed: boolean): void {
  if (def.access === 'apiKey') {
    if (keyed) return;
    throw apiError(session ? 'E_FORBIDDEN' : 'E_UNAUTHENTICATED', ...API_KEY_ONLY);
  }
  // A key opens its own methods only: never a console's.
  if (keyed) throw apiError('E_FORBIDDEN', `API 密钥无权执行 ${method}`, `An API key may not call ${method}`);
  if (def.access === 'public') return;
  if (!session) throw apiError('E_UNAUTHENTICATED', '请先登录', 'Sign in first');
  if (def.access === 'authenticated') return;
  if (!def.access.some((role) => session.user.roles.includes(role))) {
    throw apiError('E_FORBIDDEN', `当前角色无权执行 ${method}`, `Your roles may not call ${method}`);
  }
}

/** Who a session-less row names: the partner system as its endpoint names it, else nobody ('-'). */
function keyActor(conn: Connection): { id: number | null; name: string } {
  return conn.apiKey ? { id: null, name: conn.apiKey.actorName } : { id: null, name: '-' };
}

/**
 * The one router (docs/architecture.md#the-contract-and-the-router): session and role check, input validation by the contract,
 * the handler, and for writes one audit row — the same for IPC and WebSocket callers.
 */
export class Router {
  private readonly anonymousWrites = new AnonymousWriteThrottle();

  constructor(private readonly deps: RouterDeps) {}

  async call(conn: Connection, method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: apiError('E_NOT_FOUND', `未知方法 ${method}`, `Unknown method ${method}`).toBody() };
    }
    const def: MethodDef = contract[method];
    const handler = this.deps.handlers[method] as (ctx: HandlerContext, input: unknown) => unknown;
    const session = this.session(conn);
    // A writing call without a session may be refused before it reaches the audit log (no row).
    const anonymous =
      def.writes && !session && !conn.apiKey ? this.anonymousWrites.admit(conn, this.deps.clock()) : null;
    if (anonymous && !anonymous.admitted) {
      return { ok: false, error: anonymousWritesLimited(anonymous.retryAfterMs).toBody() };
    }
    const scope = new CallScope(this.deps, conn, method, def, session, () => keyActor(conn));

    try {
      authorize(def, session, method, conn.apiKey !== undefined);
      const odd = findOddText(rawInput);
      if (odd) throw oddTextError(odd);
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      const value = def.output.parse(await handler(scope.ctx, parsed.data));
      scope.succeeded();
      if (def.writes) this.deps.onWriteStored?.();
      if (anonymous?.admitted) anonymous.done(false);
      return { ok: true, value };
    } catch (err) {
      const error = this.answerFor(method, err);
      try {
        scope.failed(error.code);
      } catch (auditErr) {
        // A store that refused the call refuses its audit row too; the hub's output has the fault.
        const fault = storageFaultOf(auditErr);
        if (!fault) throw auditErr;
        this.deps.onStorageFault?.(method, fault, auditErr);
      }
      if (anonymous?.admitted) anonymous.done(true);
      return { ok: false, error: error.toBody() };
    }
  }

  /** What the caller is told of a failure: its own ApiError, E_STORAGE for a store fault, else E_INTERNAL. */
  private answerFor(method: string, err: unknown): ApiError {
    if (err instanceof ApiError) return err;
    const fault = storageFaultOf(err);
    if (fault) {
      this.deps.onStorageFault?.(method, fault, err);
      return storageError(fault);
    }
    this.deps.onInternalError?.(method, err);
    return apiError('E_INTERNAL', '服务内部错误，请联系管理员', 'Internal error; contact the administrator');
  }

  private session(conn: Connection): Session | null {
    if (!conn.token || conn.apiKey) return null;
    const user = this.deps.auth.sessionUser(conn.token);
    return user ? { token: conn.token, user } : null;
  }
}
