import type { HubHealthProbe } from '../../hub-health';
import type { Handler } from '../handler-types';

/** The hub's health for administrators: the same facts as GET /healthz. */
export function healthHandlers(probe: HubHealthProbe) {
  const health: Handler<'admin.health'> = () => probe.read();
  return { 'admin.health': health };
}
