import { fieldError, type CameraFieldError } from './errors';
import { parseGbCode } from './gb28181';
import {
  CAMERA_PROTOCOLS,
  inferProtocol,
  protocolMismatch,
  safeEcho,
  schemeFits,
  splitStreamUrl,
  type CameraProtocol,
  type SplitUrl,
} from './stream-url';

/** A camera as typed in a form, a file row or an API call, before any check. */
export interface CameraInput {
  id?: string | null | undefined;
  name: string;
  code?: string | null | undefined;
  /** A workstation id (`HQ-W-CL02`), or in files also its name (`海塘村`). */
  workstation: string;
  mainUrl: string;
  subUrl?: string | null | undefined;
  /** Blank: inferred from the main URL. */
  protocol?: string | null | undefined;
  tags?: readonly string[] | undefined;
  enabled?: boolean | undefined;
}

/** A checked camera: every field normalised, URLs split into masked text and typed secrets. */
export interface CameraDraft {
  id: string | null;
  name: string;
  code: string | null;
  workstationId: string;
  main: SplitUrl;
  sub: SplitUrl | null;
  protocol: CameraProtocol;
  tags: string[];
  enabled: boolean;
}

export const CAMERA_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
export const MAX_NAME = 60;
export const MAX_TAGS = 16;
export const MAX_TAG = 20;

export type WorkstationResolver = (text: string) => { id: string } | { error: CameraFieldError };

/**
 * Finds a workstation by id, or (for files, `byName`) by its exact name; a name two workstations
 * share is refused rather than guessed.
 */
export function workstationResolver(
  workstations: readonly { id: string; name: string }[],
  options: { byName: boolean },
): WorkstationResolver {
  const ids = new Set(workstations.map((w) => w.id));
  return (raw) => {
    const text = raw.trim();
    const shown = safeEcho(text);
    if (text === '')
      return { error: fieldError('workstation', 'required', '请填写工作站', 'A workstation is required') };
    if (ids.has(text)) return { id: text };
    const named = options.byName ? workstations.filter((w) => w.name === text) : [];
    const [only, second] = named;
    if (only && !second) return { id: only.id };
    if (second) {
      return {
        error: fieldError(
          'workstation',
          'ambiguous_workstation',
          `有多个工作站名为“${shown}”，请填写工作站编号`,
          `Several workstations are named “${shown}”; use the workstation id`,
        ),
      };
    }
    return {
      error: fieldError('workstation', 'unknown_workstation', `工作站“${shown}”不存在`, `No workstation “${shown}”`),
    };
  };
}

function checkTags(tags: readonly string[]): { tags: string[]; error?: CameraFieldError } {
  const clean = [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
  const bad = (zh: string, en: string) => ({ tags: clean, error: fieldError('tags', 'invalid_tags', zh, en) });
  if (clean.length > MAX_TAGS) return bad(`标签最多 ${MAX_TAGS} 个`, `At most ${MAX_TAGS} tags`);
  if (clean.some((t) => Array.from(t).length > MAX_TAG))
    return bad(`每个标签最多 ${MAX_TAG} 字`, `A tag has at most ${MAX_TAG} characters`);
  // These separate tags in a file; inside a tag they would not survive an export.
  if (clean.some((t) => /[;；、]/.test(t))) return bad('标签中不能含有 ; 或 、', 'A tag cannot hold ; or 、');
  return { tags: clean };
}

function checkProtocol(
  raw: string | null | undefined,
  main: SplitUrl | null,
): { protocol: CameraProtocol | null; error?: CameraFieldError } {
  const text = (raw ?? '').trim().toLowerCase();
  if (text === '') {
    const inferred = main ? inferProtocol(main) : null;
    if (inferred || !main) return { protocol: inferred };
    return {
      protocol: null,
      error: fieldError(
        'protocol',
        'required',
        '无法从地址判断协议，请填写 hls、webrtc 或 rtsp',
        'Cannot tell the protocol from the URL; give hls, webrtc or rtsp',
      ),
    };
  }
  const found = CAMERA_PROTOCOLS.find((p) => p === text);
  if (found) return { protocol: found };
  return {
    protocol: null,
    error: fieldError(
      'protocol',
      'invalid_protocol',
      `协议“${safeEcho(text)}”无效（hls、webrtc 或 rtsp）`,
      `Unknown protocol “${safeEcho(text)}” (hls, webrtc or rtsp)`,
    ),
  };
}

/** Every problem of the row at once (a report that names one problem per attempt wastes an afternoon). */
export function validateCamera(
  input: CameraInput,
  resolveWorkstation: WorkstationResolver,
): { ok: true; draft: CameraDraft } | { ok: false; errors: CameraFieldError[] } {
  const errors: CameraFieldError[] = [];
  const id = (input.id ?? '').trim();
  if (id !== '' && !CAMERA_ID.test(id)) {
    errors.push(
      fieldError(
        'id',
        'invalid_id',
        '编号只能用字母、数字和 _ . -（最多 32 个字符，如 CAM-0001）',
        'An id is letters, digits, _ . - (up to 32, e.g. CAM-0001)',
      ),
    );
  }
  const name = input.name.trim();
  if (name === '') errors.push(fieldError('name', 'required', '请填写名称', 'A name is required'));
  else if (Array.from(name).length > MAX_NAME) {
    errors.push(fieldError('name', 'too_long', `名称最多 ${MAX_NAME} 字`, `A name has at most ${MAX_NAME} characters`));
  }
  const codeText = (input.code ?? '').trim();
  const gb = codeText === '' ? null : parseGbCode(codeText);
  if (gb && !gb.ok) errors.push(gb.error);
  const ws = resolveWorkstation(input.workstation);
  if ('error' in ws) errors.push(ws.error);
  const main = splitStreamUrl(input.mainUrl, 'mainUrl');
  if (!main.ok) errors.push(main.error);
  const subText = (input.subUrl ?? '').trim();
  const sub = subText === '' ? null : splitStreamUrl(subText, 'subUrl');
  if (sub && !sub.ok) errors.push(sub.error);
  const proto = checkProtocol(input.protocol, main.ok ? main.value : null);
  if (proto.error) errors.push(proto.error);
  if (proto.protocol) {
    if (main.ok && !schemeFits(proto.protocol, main.value.scheme)) {
      errors.push(protocolMismatch('mainUrl', proto.protocol, main.value.scheme));
    }
    if (sub?.ok && !schemeFits(proto.protocol, sub.value.scheme)) {
      errors.push(protocolMismatch('subUrl', proto.protocol, sub.value.scheme));
    }
  }
  const tags = checkTags(input.tags ?? []);
  if (tags.error) errors.push(tags.error);
  if (errors.length > 0 || !main.ok || !proto.protocol || 'error' in ws || (sub && !sub.ok)) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    draft: {
      id: id === '' ? null : id,
      name,
      code: codeText === '' ? null : codeText,
      workstationId: ws.id,
      main: main.value,
      sub: sub ? sub.value : null,
      protocol: proto.protocol,
      tags: tags.tags,
      enabled: input.enabled ?? true,
    },
  };
}
