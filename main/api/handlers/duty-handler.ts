import type { MethodName, MethodOutput, MethodParsedInput } from '../../../common/contract';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf, type Viewer } from '../../services/org/viewer';
import type { HandlerContext } from '../handler-types';

/**
 * A duty handler: `Handler<M>` that answers at once (no promise), so the duty handlers' tests
 * call them directly. The handover's signature, which checks a password, returns a promise.
 */
export type DutyHandler<M extends MethodName> = (ctx: HandlerContext, input: MethodParsedInput<M>) => MethodOutput<M>;

/** Who is reading, for the duty rule (duty-visibility.ts) the log, the handovers and the lists share. */
export function callerViewer(org: Pick<OrgRepo, 'unit'>, ctx: HandlerContext): Viewer {
  return viewerOf(org, ctx.requireSession().user);
}
