import type { FastifyInstance } from 'fastify';
import type { HubPort } from '../hub-types';

/**
 * `GET /healthz` for a monitoring probe, without a session: the hub's health (main/hub-health.ts) — counts,
 * flags and times, never a path, a user or a secret — with 503 while the database takes no writes.
 */
export function registerHealthRoute(app: FastifyInstance, hub: HubPort): void {
  app.all('/healthz', (_request, reply) => {
    const health = hub.health?.() ?? { ok: true };
    return reply
      .code(health.ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .type('application/json')
      .send(JSON.stringify(health));
  });
}
