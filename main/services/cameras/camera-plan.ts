import { apiError, type ApiError } from '../../../common/contract';
import {
  fieldError,
  resolveSecret,
  type CameraDraft,
  type CameraFieldError,
  type StreamSecret,
} from '../../../common/domain/cameras';
import type { CameraStream } from '../../../common/contract';
import type { CameraFields, CameraRow, CamerasRepo } from './cameras-repo';

/**
 * The typed credential with any `***` filled from the stored one. A stored credential the hub's
 * key cannot open (hub.key replaced) cannot stand behind `***`: the field says to type it again.
 */
function resolveStream(
  repo: CamerasRepo,
  typed: StreamSecret | null,
  target: CameraRow | undefined,
  stream: CameraStream,
): ReturnType<typeof resolveSecret> {
  const field = stream === 'main' ? 'mainUrl' : 'subUrl';
  const stored = target ? repo.readSecret(target.seq, stream) : ({ kind: 'none' } as const);
  const resolved = resolveSecret(typed, stored.kind === 'ok' ? stored.secret : null, field);
  if (resolved.ok || stored.kind !== 'unreadable') return resolved;
  return {
    ok: false,
    error: fieldError(
      field,
      // The code the form already knows for "*** without a usable stored credential"; the text says why.
      'masked_unknown',
      '已保存的凭据无法用本机密钥解密（hub.key 已更换或丢失），请重新填写用户名、密码或令牌',
      "The stored credentials cannot be decrypted with this hub's key (hub.key replaced or lost); enter the user, password or token again",
    ),
  };
}

/** A checked write: the row's fields (URLs masked) and the credentials to store beside it. */
export interface WritePlan {
  /** The camera being changed; undefined for a new one. */
  target: CameraRow | undefined;
  fields: CameraFields;
  main: StreamSecret | null;
  sub: StreamSecret | null;
}

/**
 * Turns a checked draft into a write, putting stored credentials behind any `***` the URLs still hold
 * (an edit that did not retype a password keeps it). A new camera has nothing stored, so `***` fails.
 */
export function planWrite(
  repo: CamerasRepo,
  draft: CameraDraft,
  id: string,
  target: CameraRow | undefined,
): { ok: true; plan: WritePlan } | { ok: false; errors: CameraFieldError[] } {
  const main = resolveStream(repo, draft.main.secret, target, 'main');
  const sub = draft.sub ? resolveStream(repo, draft.sub.secret, target, 'sub') : ({ ok: true, value: null } as const);
  const errors = [main, sub].flatMap((r) => (r.ok ? [] : [r.error]));
  if (!main.ok || !sub.ok) return { ok: false, errors };
  return {
    ok: true,
    plan: {
      target,
      fields: {
        id,
        name: draft.name,
        code: draft.code,
        workstationId: draft.workstationId,
        mainUrl: draft.main.masked,
        subUrl: draft.sub?.masked ?? null,
        protocol: draft.protocol,
        tags: draft.tags,
        enabled: draft.enabled,
      },
      main: main.value,
      sub: sub.value,
    },
  };
}

/** Writes the row and its credentials; call inside a transaction. Returns the row number. */
export function applyPlan(repo: CamerasRepo, plan: WritePlan, now: number): number {
  let seq: number;
  if (plan.target) {
    seq = plan.target.seq;
    repo.update(seq, plan.fields, now);
  } else {
    seq = repo.insert(plan.fields, now);
  }
  repo.putSecret(seq, 'main', plan.main, now);
  repo.putSecret(seq, 'sub', plan.sub, now);
  return seq;
}

/** One API error for a row's problems: the first one as the message, all of them in details. */
export function rowError(
  errors: readonly CameraFieldError[],
  code: 'E_INVALID' | 'E_CONFLICT' = 'E_INVALID',
): ApiError {
  const [first] = errors;
  const more = errors.length > 1 ? errors.length - 1 : 0;
  return apiError(
    code,
    `${first?.zh ?? '摄像机信息有误'}${more ? `（另有 ${more} 处问题）` : ''}`,
    `${first?.en ?? 'The camera is not valid'}${more ? ` (and ${more} more)` : ''}`,
    { errors },
  );
}
