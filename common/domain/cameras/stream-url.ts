import { fieldError, type CameraFieldError, type Checked } from './errors';

/**
 * Stream URLs and the credentials inside them. A camera's URL is stored and shown *masked*: the
 * user-info (`rtsp://admin:pw@host/…`) and the values of secret-looking query parameters
 * (`?token=…`) are replaced by `***` and kept apart as a StreamSecret, which only the hub's playback
 * path ever merges back. An edited URL that still holds `***` keeps the stored secret, so an
 * administrator can change a path or host without retyping a password they cannot see.
 */

export const CAMERA_PROTOCOLS = ['hls', 'webrtc', 'rtsp'] as const;
export type CameraProtocol = (typeof CAMERA_PROTOCOLS)[number];

export const MASK = '***';
export const MAX_URL_LENGTH = 2000;

/** What is taken out of one URL: its user-info and its secret query values, in order of appearance. */
export interface StreamSecret {
  userinfo: string | null;
  params: [name: string, value: string][];
}

export interface SplitUrl {
  /** The URL with every credential replaced by `***`: safe to store in the row, show and export. */
  masked: string;
  /** Credentials as typed; a value may itself be `***` ("keep the stored one"), see resolveSecret. */
  secret: StreamSecret | null;
  /** Lower-case scheme, or '' for a path on the hub itself (`/media/…`). */
  scheme: string;
  path: string;
}

/**
 * Query parameters whose values are credentials by the usual conventions of cameras, streaming
 * servers and signed URLs. `user`/`username` are included: half a credential is still one.
 */
const SECRET_PARAMS = new Set(
  (
    'token access_token accesstoken auth auth_token authorization key apikey api_key secret password passwd pwd ' +
    'pass sign signature sig credential jwt ticket session sessionid user username ' +
    'x-amz-signature x-amz-credential x-amz-security-token'
  ).split(' '),
);

export function isSecretParam(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A malformed escape is kept as typed; it is simply not a known name.
  }
  return SECRET_PARAMS.has(decoded.toLowerCase());
}

// scheme://[userinfo@]host[:port] path ?query #fragment. The user-info runs to the LAST '@' before
// the query, so a password holding '@' or '/' (both seen on real cameras) is taken out whole rather
// than left in the path in clear; '?' and '#' inside a password must be percent-encoded (RFC 3986).
const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^?#]*)@)?([^/?#@]*)([^?#]*)(\?[^#]*)?(#.*)?$/;
const RELATIVE = /^(\/[^?#]*)(\?[^#]*)?(#.*)?$/;
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%-]+)(:(\d{1,5}))?$/;

function invalid(field: string, zh: string, en: string): Checked<never> {
  return { ok: false, error: fieldError(field, 'url_invalid', zh, en) };
}

function splitQuery(query: string): { masked: string; params: [string, string][] } {
  const params: [string, string][] = [];
  const parts = query.split('&').map((part) => {
    const eq = part.indexOf('=');
    if (eq < 0) return part;
    const name = part.slice(0, eq);
    if (!isSecretParam(name)) return part;
    params.push([name, part.slice(eq + 1)]);
    return `${name}=${MASK}`;
  });
  return { masked: parts.join('&'), params };
}

/** Masks anything in free text that looks like URL user-info or a secret query value. */
export function maskSecrets(text: string): string {
  return text
    .replace(/:\/\/[^?#\s"']*@/g, `://${MASK}@`)
    .replace(/([?&;]([^=&\s"']+)=)([^&#\s"']*)/g, (all, head: string, name: string) =>
      isSecretParam(name) ? `${head}${MASK}` : all,
    );
}

/**
 * A cell value fit to quote back in an error message. A misaligned CSV row can put a URL where a
 * workstation or protocol belongs, and the reason shown must not hand its password back.
 */
export function safeEcho(value: string): string {
  const chars = Array.from(maskSecrets(value));
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}

/** Parses and masks a stream URL: absolute (`rtsp://`, `https://` …) or a path on the hub (`/media/…`). */
export function splitStreamUrl(raw: string, field = 'mainUrl'): Checked<SplitUrl> {
  const url = raw.trim();
  if (url.length === 0)
    return { ok: false, error: fieldError(field, 'required', '请填写码流地址', 'A stream URL is required') };
  if (url.length > MAX_URL_LENGTH) {
    return {
      ok: false,
      error: fieldError(
        field,
        'too_long',
        `码流地址过长（上限 ${MAX_URL_LENGTH}）`,
        `URL too long (max ${MAX_URL_LENGTH})`,
      ),
    };
  }
  if (/[\s\p{Cc}]/u.test(url))
    return invalid(field, '码流地址不能包含空格或控制字符', 'A URL cannot hold spaces or control characters');
  const rel = RELATIVE.exec(url);
  if (rel && !url.startsWith('//')) {
    const query = rel[2] ? splitQuery(rel[2].slice(1)) : null;
    const masked = `${rel[1] ?? ''}${query ? `?${query.masked}` : ''}${rel[3] ?? ''}`;
    const secret = query && query.params.length > 0 ? { userinfo: null, params: query.params } : null;
    return { ok: true, value: { masked, secret, scheme: '', path: rel[1] ?? '' } };
  }
  const abs = ABSOLUTE.exec(url);
  if (!abs)
    return invalid(field, '码流地址格式不正确（应如 rtsp://主机/路径）', 'Not a URL (expected e.g. rtsp://host/path)');
  const [, scheme = '', userinfo = null, hostPort = '', path = '', rawQuery, fragment = ''] = abs;
  const host = HOST_PORT.exec(hostPort);
  const port = host?.[3] === undefined ? null : Number(host[3]);
  if (!host || (port !== null && (port < 1 || port > 65535))) {
    return invalid(field, '码流地址中的主机或端口不正确', 'The host or port of the URL is not valid');
  }
  const query = rawQuery ? splitQuery(rawQuery.slice(1)) : null;
  const hasUser = userinfo !== null && userinfo.length > 0;
  const masked =
    `${scheme.toLowerCase()}://${hasUser ? `${MASK}@` : ''}${hostPort}${path}` +
    `${query ? `?${query.masked}` : ''}${fragment}`;
  const params = query?.params ?? [];
  const secret = hasUser || params.length > 0 ? { userinfo: hasUser ? userinfo : null, params } : null;
  return { ok: true, value: { masked, secret, scheme: scheme.toLowerCase(), path } };
}

/**
 * Replaces `***` placeholders of a typed secret with the stored ones (same user-info; query values by
 * name, in order). A placeholder with nothing stored behind it is an error: the URL would not play.
 */
export function resolveSecret(
  typed: StreamSecret | null,
  stored: StreamSecret | null,
  field: string,
): Checked<StreamSecret | null> {
  if (!typed) return { ok: true, value: null };
  const unknown = (): Checked<never> => ({
    ok: false,
    error: fieldError(
      field,
      'masked_unknown',
      '地址中的 *** 没有已保存的凭据可沿用，请重新填写用户名、密码或令牌',
      'The URL holds *** but no credential is stored for it; enter the user, password or token again',
    ),
  });
  let userinfo = typed.userinfo;
  if (userinfo === MASK) {
    if (!stored?.userinfo) return unknown();
    userinfo = stored.userinfo;
  }
  const queues = new Map<string, string[]>();
  for (const [name, value] of stored?.params ?? [])
    queues.set(name.toLowerCase(), [...(queues.get(name.toLowerCase()) ?? []), value]);
  const params: [string, string][] = [];
  for (const [name, value] of typed.params) {
    if (value !== MASK) {
      params.push([name, value]);
      continue;
    }
    const kept = queues.get(name.toLowerCase())?.shift();
    if (kept === undefined) return unknown();
    params.push([name, kept]);
  }
  return { ok: true, value: { userinfo, params } };
}

/** The playable URL: the masked one with its stored credentials put back. Hub-internal only. */
export function mergeSecret(masked: string, secret: StreamSecret | null): string {
  if (!secret) return masked;
  let url = masked;
  const { userinfo } = secret;
  // A function replacer: a password may hold `$&` and the like, which a replacement string would expand.
  if (userinfo !== null) url = url.replace(`://${MASK}@`, () => `://${userinfo}@`);
  const q = url.indexOf('?');
  if (q < 0 || secret.params.length === 0) return url;
  const hash = url.indexOf('#', q);
  const end = hash < 0 ? url.length : hash;
  const queue = [...secret.params];
  const query = url
    .slice(q + 1, end)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0 || part.slice(eq + 1) !== MASK) return part;
      const name = part.slice(0, eq);
      const i = queue.findIndex(([n]) => n === name);
      if (i < 0) return part;
      const [found] = queue.splice(i, 1);
      return found ? `${name}=${found[1]}` : part;
    })
    .join('&');
  return `${url.slice(0, q + 1)}${query}${url.slice(end)}`;
}

/** Schemes each protocol can be served on; '' is a path on the hub itself. */
const SCHEMES: Record<CameraProtocol, readonly string[]> = {
  hls: ['http', 'https', ''],
  rtsp: ['rtsp', 'rtsps'],
  // WHEP over http(s), signalling over ws(s), or SRS-style webrtc:// URLs.
  webrtc: ['http', 'https', 'ws', 'wss', 'webrtc', ''],
};

export function schemeFits(protocol: CameraProtocol, scheme: string): boolean {
  return SCHEMES[protocol].includes(scheme);
}

/** The protocol a URL most likely speaks, for rows that leave the protocol blank. */
export function inferProtocol(url: SplitUrl): CameraProtocol | null {
  if (url.scheme === 'rtsp' || url.scheme === 'rtsps') return 'rtsp';
  if (['ws', 'wss', 'webrtc'].includes(url.scheme)) return 'webrtc';
  if (/\.m3u8$/i.test(url.path)) return 'hls';
  if (/\bwhep\b/i.test(url.path)) return 'webrtc';
  return null;
}

export function protocolMismatch(field: string, protocol: CameraProtocol, scheme: string): CameraFieldError {
  const shown = scheme === '' ? '/' : `${scheme}://`;
  return fieldError(
    field,
    'url_protocol_mismatch',
    `${shown} 地址不能用于 ${protocol} 协议`,
    `A ${shown} URL cannot be played as ${protocol}`,
  );
}
