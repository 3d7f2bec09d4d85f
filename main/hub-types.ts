import type { ApiResult, HubHealth } from '../common/contract';
import type { Connection } from './api/connection';
import type { MediaAnswer, MediaRequest } from './media/media-routes';

/** What a shell needs from the hub: call methods for a connection, and attach it for events. */
export interface HubPort {
  call(conn: Connection, method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Start delivering events to this connection; returns detach. */
  attach(conn: Connection): () => void;
  close(): void;
  /** Signed media paths (/media/s/…): the answer, or null when the path is not one. */
  routeMedia?(request: MediaRequest): MediaAnswer | null;
  /** GET /healthz: counts, flags and times only (main/hub-health.ts). */
  health?(): HubHealth;
}
