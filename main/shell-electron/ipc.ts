import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { apiError } from '../../common/contract';
import type { ApiResult } from '../../common/contract';
import { IPC_EVENT, IPC_INVOKE } from '../../common/contract/bridge';
import type { Connection } from '../api/connection';
import type { HubPort } from '../hub-types';
import { isAppUrl } from './origin';

/**
 * The router over IPC: one `Connection` per webContents (so one session per window), created on
 * its first valid call and attached to the hub's event bus until the webContents is destroyed.
 */

function failure(code: 'E_FORBIDDEN' | 'E_INVALID' | 'E_INTERNAL', zh: string, en: string): ApiResult<never> {
  return { ok: false, error: apiError(code, zh, en).toBody() };
}

/** The sender must be the main frame of a page served from app://console. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

interface WindowConnection {
  conn: Connection;
  detach: () => void;
}

export function registerIpc(hub: HubPort): () => void {
  const connections = new Map<number, WindowConnection>();

  function connectionFor(contents: WebContents): Connection {
    const existing = connections.get(contents.id);
    if (existing) return existing.conn;

    const conn: Connection = {
      id: `wc-${contents.id}`,
      remoteAddress: 'ipc',
      token: null,
      push(event, payload) {
        if (contents.isDestroyed()) return;
        // Never deliver to a page that is not ours (navigation is guarded; this is belt and braces).
        if (!isAppUrl(contents.getURL())) return;
        contents.send(IPC_EVENT, event, payload);
      },
    };
    const detach = hub.attach(conn);
    connections.set(contents.id, { conn, detach });
    contents.once('destroyed', () => {
      const entry = connections.get(contents.id);
      if (entry?.conn !== conn) return;
      connections.delete(contents.id);
      entry.detach();
    });
    return conn;
  }

  ipcMain.handle(IPC_INVOKE, async (event, ...args: unknown[]): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event)) {
      return failure('E_FORBIDDEN', '调用来源不受信任', 'Caller is not the console window');
    }
    if (args.length !== 2) {
      return failure('E_INVALID', '调用参数个数错误', 'Expected exactly two arguments: method and input');
    }
    const [method, input] = args;
    if (typeof method !== 'string') {
      return failure('E_INVALID', '方法名必须是字符串', 'Method name must be a string');
    }
    const conn = connectionFor(event.sender);
    try {
      return await hub.call(conn, method, input);
    } catch (error) {
      console.error(`[shell-electron] ${method} failed`, error);
      return failure('E_INTERNAL', '内部错误', 'Internal error');
    }
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    for (const { detach } of connections.values()) detach();
    connections.clear();
  };
}
