import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { contentTypeFor } from '../security/http-policy';

/**
 * Serves the built renderer; unknown paths get index.html (hash routes never reach here, but a
 * reload of /some/path should still open the console). Never serves outside `root`.
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = path.resolve(root, `.${path.posix.normalize(rel)}`);
  if (!file.startsWith(root + path.sep) && file !== root) {
    res.writeHead(403).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('renderer not built: run `npm run build` / 界面尚未构建');
    return;
  }
  const isIndex = file.endsWith('index.html');
  res.writeHead(200, {
    // The security headers (CSP, nosniff, …) are set on every answer by server.ts.
    'content-type': contentTypeFor(file),
    // Hashed asset names may be cached; the page itself must be re-read after an upgrade.
    'cache-control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file that vanishes or cannot be read mid-answer ends this answer, not the hub.
  pipeline(fs.createReadStream(file), res, () => undefined);
}
