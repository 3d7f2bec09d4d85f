import type {
  Audience,
  AuditDetail,
  EventName,
  EventPayload,
  MethodName,
  MethodOutput,
  MethodParsedInput,
} from '../../common/contract';
import type { StoredUser } from '../services/users/users-repo';
import type { Connection } from './connection';

export interface Session {
  token: string;
  user: StoredUser;
}

/** What the audit row of a writing call says; handlers fill in target and summary. */
export interface AuditNote {
  target: string | null;
  summary: string | null;
  /** The summary as template key + parameters, rendered by the console in its language. */
  detail?: AuditDetail | null;
  /** Who acted when there is no session yet (sign-in). */
  actor?: { id: number | null; name: string };
}

export interface HandlerContext {
  readonly conn: Connection;
  readonly session: Session | null;
  readonly audit: AuditNote;
  /** The session, for methods that are not public (the router has already checked it). */
  requireSession(): Session;
  /** Runs the writes in one transaction together with this call's audit row. */
  tx<T>(write: () => T): T;
  /** Queues an event; sent only if the call succeeds. */
  publish<E extends EventName>(event: E, payload: EventPayload<E>, audience?: Audience): void;
  /** Runs after the call has succeeded and its events were sent. */
  afterSuccess(fn: () => void): void;
}

export type Handler<M extends MethodName> = (
  ctx: HandlerContext,
  input: MethodParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerMap = { [M in MethodName]: Handler<M> };
