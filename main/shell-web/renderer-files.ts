import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { contentTypeFor } from '../security/http-policy';

/**
 * The built renderer (out/renderer) on @fastify/static: file types from the shared table
 * (main/security/http-policy.ts), hashed assets cached for good and the page itself re-read after an
 * upgrade. Any other path (a reload of /some/route, a missing file) gets index.html; methods other
 * than GET and HEAD get 405. Never serves outside `root`.
 */
export async function registerRendererFiles(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    // Our own cache rule and the shared type table replace the plugin's.
    cacheControl: false,
    setHeaders(reply, filePath) {
      reply.header('content-type', contentTypeFor(filePath));
      reply.header(
        'cache-control',
        path.basename(filePath) === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.code(405).header('allow', 'GET, HEAD').send();
    }
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('renderer not built: run `npm run build` / 界面尚未构建');
    }
    return reply.sendFile('index.html');
  });
}
