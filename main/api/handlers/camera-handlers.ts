import { cameraCreateWords, cameraImportWords, cameraUpdateWords, cameraWords } from '../../services/audit/notes-ops';
import type { cameraMethods } from '../../../common/contract/cameras';
import { hashToken } from '../../services/auth/sessions-repo';
import { unknownOnline, type OnlineState } from '../../services/cameras/camera-dto';
import type { CamerasService } from '../../services/cameras/cameras-service';
import type { Handler } from '../handler-types';

export interface CameraDeps {
  cameras: CamerasService;
  /** Online state per camera from the media layer; every camera reads 'unknown' until one is wired. */
  online?: OnlineState;
}

type CameraHandlers = { [M in keyof typeof cameraMethods]: Handler<M> };

/**
 * The camera registry API. Audit rows name the camera and the fields
 * changed, never a stream URL: URLs may carry credentials, and the audit log is read by people who
 * must not learn them.
 */
export function cameraHandlers(deps: CameraDeps): CameraHandlers {
  const { cameras } = deps;
  // Late-bound: the media layer may be wired after the handlers are built.
  const online: OnlineState = (camera) => (deps.online ?? unknownOnline)(camera);

  return {
    'cameras.list': (_ctx, { filter, limit }) => cameras.list(filter, limit, online),
    'cameras.tree': (_ctx, { filter, includeEmpty }) => cameras.tree(filter, includeEmpty, online),
    'cameras.get': (_ctx, { id }) => cameras.get(id, online),

    'cameras.create': (ctx, input) => {
      // The audit row is written inside the transaction: name it before the transaction ends.
      const camera = ctx.tx(() => {
        const c = cameras.create(input);
        ctx.audit.target = `camera:${c.id}`;
        Object.assign(ctx.audit, cameraCreateWords(c));
        ctx.publish('cameras.changed', { ids: [c.id] });
        return c;
      });
      return { ...camera, online: online(camera) };
    },

    'cameras.update': (ctx, input) => {
      const { camera } = ctx.tx(() => {
        const result = cameras.update(input);
        ctx.audit.target = `camera:${result.camera.id}`;
        Object.assign(ctx.audit, cameraUpdateWords(result.camera, { zh: result.changed, codes: result.changedCodes }));
        ctx.publish('cameras.changed', { ids: [result.camera.id] });
        return result;
      });
      return { ...camera, online: online(camera) };
    },

    'cameras.setEnabled': (ctx, { id, enabled }) => {
      const camera = ctx.tx(() => {
        const c = cameras.setEnabled(id, enabled);
        ctx.audit.target = `camera:${c.id}`;
        Object.assign(ctx.audit, cameraWords(enabled ? 'camera.enable' : 'camera.disable', c));
        ctx.publish('cameras.changed', { ids: [c.id] });
        return c;
      });
      return { ...camera, online: online(camera) };
    },

    'cameras.delete': (ctx, { id }) => {
      ctx.tx(() => {
        const row = cameras.delete(id);
        ctx.audit.target = `camera:${row.id}`;
        Object.assign(ctx.audit, cameraWords('camera.delete', row));
        ctx.publish('cameras.changed', { ids: [row.id] });
      });
      return null;
    },

    'cameras.import': (ctx, { format, text, dryRun }) =>
      // One transaction: every good row is saved together with the audit row, or nothing is.
      ctx.tx(() => {
        const report = cameras.importFile(format, text, dryRun);
        ctx.audit.target = 'cameras:import';
        Object.assign(ctx.audit, cameraImportWords(dryRun, format, report));
        if (!dryRun && report.created + report.updated > 0) ctx.publish('cameras.changed', { ids: [] });
        return report;
      }),

    'cameras.export': (_ctx, { format, filter }) => {
      const file = cameras.exportFile(format, filter);
      return { fileName: file.fileName, mime: file.mime, dataBase64: file.data.toString('base64'), rows: file.rows };
    },

    'cameras.viewStart': (ctx, { cameraId, stream }) => {
      const { user, token } = ctx.requireSession();
      return ctx.tx(() =>
        cameras.viewStart(cameraId, stream, {
          userId: user.id,
          userName: user.displayName,
          sessionHash: hashToken(token),
          connectionId: ctx.conn.id,
        }),
      );
    },

    'cameras.viewEnd': (ctx, { viewId }) => {
      const { user } = ctx.requireSession();
      return ctx.tx(() => cameras.viewEnd(viewId, user.id));
    },

    'cameras.viewsReport': (_ctx, input) => cameras.viewsReport(input),
  };
}
