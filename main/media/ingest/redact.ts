import { MASK, maskSecrets } from '../../../common/domain/cameras/stream-url';

/**
 * Takes a camera's credentials out of any text about it (ffmpeg's stderr, an error, a state's
 * detail). ffmpeg echoes the input URL in its messages ("Input #0, rtsp, from 'rtsp://u:p@…'") and
 * may print the user-info percent-decoded, so masking URL shapes is not enough: every form of the
 * secret this URL holds is also removed wherever it appears, shaped like a URL or not.
 */
export type Redactor = (text: string) => string;

/** Credentials of one URL in every spelling ffmpeg might print: as typed and percent-decoded. */
function secretsOf(url: string): string[] {
  const found = new Set<string>();
  const add = (value: string | undefined): void => {
    if (value === undefined || value.length < 3 || value === MASK) return;
    found.add(value);
    try {
      found.add(decodeURIComponent(value));
    } catch {
      // A malformed escape is printed as typed, which is already in the set.
    }
  };
  const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^?#]*)@/.exec(url)?.[1];
  if (userinfo !== undefined) {
    add(userinfo);
    const colon = userinfo.indexOf(':');
    if (colon >= 0) add(userinfo.slice(colon + 1));
  }
  const query = /\?([^#]*)/.exec(url)?.[1];
  for (const part of query?.split('&') ?? []) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const masked = maskSecrets(`?${part}`);
    if (masked !== `?${part}`) add(part.slice(eq + 1));
  }
  // Longest first, so a password that contains another secret is replaced whole.
  return [...found].sort((a, b) => b.length - a.length);
}

/** The redactor for one camera URL: known secrets first, then anything URL-shaped that looks secret. */
export function redactorFor(url: string): Redactor {
  const secrets = secretsOf(url);
  return (text) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join(MASK);
    return maskSecrets(out);
  };
}

/** The URL as it may be shown or logged: `rtsp://***@host:554/path`. */
export function redactUrl(url: string): string {
  return redactorFor(url)(url);
}
