import { apiError, type Audience, type MethodDef } from '../../common/contract';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { AuditRepo } from '../services/audit/audit-repo';
import type { Connection } from './connection';
import type { EventBus } from './event-bus';
import type { AuditNote, HandlerContext, Session } from './handler-types';

type Queued = { event: Parameters<EventBus['publish']>[0]; payload: unknown; audience?: Audience };

/**
 * One call as its handler sees it (HandlerContext): the audit note it fills, the events and
 * after-success work it queues, and its one audit row — written inside the call's first transaction
 * on success, else after the handler, and on failure with the error's code.
 */
export class CallScope {
  readonly ctx: HandlerContext;
  private readonly note: AuditNote = { target: null, summary: null };
  private readonly queued: Queued[] = [];
  private readonly after: (() => void)[] = [];
  private audited = false;

  constructor(
    private readonly deps: { db: Db; clock: Clock; audit: AuditRepo; bus: EventBus },
    conn: Connection,
    private readonly method: string,
    private readonly def: MethodDef,
    private readonly session: Session | null,
    /** Who a session-less row names. */
    private readonly sessionless: () => { id: number | null; name: string },
  ) {
    this.ctx = {
      conn,
      session,
      audit: this.note,
      requireSession: () => {
        if (!session) throw apiError('E_UNAUTHENTICATED', '请先登录', 'Sign in first');
        return session;
      },
      tx: <T>(write: () => T): T =>
        this.deps.db.transaction(() => {
          const result = write();
          this.auditSuccessOnce();
          return result;
        })(),
      publish: (event, payload, audience) => {
        this.queued.push(audience ? { event, payload, audience } : { event, payload });
      },
      afterSuccess: (fn) => this.after.push(fn),
    };
  }

  /** The call succeeded: its audit row (if not yet written), its events, then its after-success work. */
  succeeded(): void {
    this.auditSuccessOnce();
    for (const e of this.queued) this.deps.bus.publish(e.event, e.payload as never, e.audience);
    for (const fn of this.after) fn();
  }

  /** The call failed: a writing call's failure is audited with the error's code (its events are dropped). */
  failed(errorCode: string): void {
    if (!this.def.writes) return;
    const id = this.auditRow(false, errorCode);
    this.deps.bus.publish('audit.appended', { id }, { roles: ['admin'] });
  }

  private auditSuccessOnce(): void {
    if (!this.def.writes || this.audited) return;
    this.queued.push({
      event: 'audit.appended',
      payload: { id: this.auditRow(true, null) },
      audience: { roles: ['admin'] },
    });
    this.audited = true;
  }

  private auditRow(ok: boolean, errorCode: string | null): number {
    const { note, session } = this;
    const actor = note.actor ?? (session ? { id: session.user.id, name: session.user.username } : this.sessionless());
    return this.deps.audit.append({
      at: this.deps.clock(),
      actorId: actor.id,
      actorName: actor.name,
      method: this.method,
      target: note.target,
      summary: note.summary ?? this.def.summary,
      detail: note.detail ?? null,
      ok,
      errorCode,
    });
  }
}
