import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import type { Session } from 'electron';
import { routeMediaNamespace, type MediaAnswer, type MediaRequest } from '../media';
import { contentTypeFor, securityHeaders as sharedSecurityHeaders } from '../security/http-policy';
import { APP_HOST, APP_SCHEME } from './origin';
import { isInside, resolveStaticPath, securityHeaders } from './static-files';

/**
 * `app://console/` serves the built renderer (out/renderer) with a strict CSP on every response.
 * A standard + secure scheme gives the renderer a real origin (localStorage, fetch, relative URLs)
 * without file:// and its extra privileges.
 */

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/**
 * Serve `rendererDir` on `session` (after ready), and the hub's signed media paths under /media/s/
 * (the only media served: any other /media/ path is 404). Returns a function that stops serving.
 */
export function serveRenderer(
  session: Session,
  rendererDir: string,
  signed?: (request: MediaRequest) => MediaAnswer | null,
): () => void {
  const handler = createRendererHandler(rendererDir, signed);
  session.protocol.handle(APP_SCHEME, handler);
  return () => session.protocol.unhandle(APP_SCHEME);
}

function textResponse(status: number, text: string, head: boolean): Response {
  return new Response(head ? null : text, {
    status,
    headers: securityHeaders('text/plain; charset=utf-8'),
  });
}

async function fileResponse(filePath: string, head: boolean): Promise<Response> {
  const body = head ? null : await fs.promises.readFile(filePath);
  return new Response(body, { status: 200, headers: securityHeaders(contentTypeFor(filePath)) });
}

/** A regular file whose real path (symlinks resolved) is inside `realRoot`, or null. */
async function realFileInside(realRoot: string, filePath: string): Promise<string | null> {
  try {
    const real = await fs.promises.realpath(filePath);
    if (!isInside(realRoot, real)) return null;
    const stat = await fs.promises.stat(real);
    return stat.isFile() ? real : null;
  } catch {
    return null;
  }
}

/** `signed`: the hub's signed media paths (/media/s/…), the same answers as the web shell's. */
export function createRendererHandler(
  rendererDir: string,
  signed?: (request: MediaRequest) => MediaAnswer | null,
): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  let realRoot: string | null = null;

  return async (request) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return textResponse(405, 'Method Not Allowed', false);

    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad Request', head);
    }
    if (url.host !== APP_HOST) return textResponse(404, 'Not Found', head);
    // With its query: a held playlist request names its segment (?_HLS_msn=, blocking-playlist.ts).
    const answer = await routeMediaNamespace({ method: request.method, url: url.pathname + url.search }, signed);
    if (answer) {
      const headers = { ...answer.headers, ...sharedSecurityHeaders() };
      return new Response(answer.body, { status: answer.status, headers });
    }

    if (realRoot === null) {
      try {
        realRoot = await fs.promises.realpath(root);
      } catch {
        return textResponse(503, `Renderer not built: ${root} is missing (run npm run build)`, head);
      }
    }

    const target = resolveStaticPath(root, url.pathname);
    if (target.kind === 'bad-request') return textResponse(400, 'Bad Request', head);

    const file = await realFileInside(realRoot, target.filePath);
    if (file !== null) return fileResponse(file, head);

    // SPA fallback: client-side routes (no file extension) get index.html; missing assets 404.
    if (target.route) {
      const index = await realFileInside(realRoot, path.join(root, 'index.html'));
      if (index !== null) return fileResponse(index, head);
    }
    return textResponse(404, 'Not Found', head);
  };
}
