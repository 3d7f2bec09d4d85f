import type { FastifyInstance, FastifyReply } from 'fastify';
import { routeMediaNamespace, type MediaAnswer, type MediaRequest, type MediaResponse } from '../media';
import { isMediaPath, MEDIA_BASE, mediaNotFound, mediaText } from '../media/media-routes';
import type { RawPathRoute } from './http-guards';

/**
 * The hub's media namespace on the web shell: /media/ answers only the hub's signed paths
 * (session-checked, main/media/gateway/signed-routes.ts); anything else there is 404, and nothing
 * below it falls through to the renderer's files. The Electron shell gives the same answers
 * (main/shell-electron/protocol.ts). Returns the route for paths the router cannot decode.
 */
export function registerMediaRoute(
  app: FastifyInstance,
  route?: (request: MediaRequest) => MediaAnswer | null,
): RawPathRoute {
  const send = (reply: FastifyReply, response: MediaResponse): FastifyReply =>
    reply
      .code(response.status)
      .headers(response.headers)
      .send(response.body ?? undefined);
  const answer = async (request: { method: string; url: string }, reply: FastifyReply): Promise<FastifyReply> => {
    const head = request.method === 'HEAD';
    // With its query: a held playlist request names its segment (?_HLS_msn=, blocking-playlist.ts).
    const pending = routeMediaNamespace({ method: request.method, url: request.url }, route) ?? mediaNotFound(head);
    let response: MediaResponse;
    try {
      response = await pending;
    } catch {
      response = mediaText(502, '上游错误 / upstream error', head);
    }
    return send(reply, response);
  };
  app.all(MEDIA_BASE, answer);
  app.all(`${MEDIA_BASE}/*`, answer);
  return { matches: isMediaPath, answer };
}
