import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../common/contract/bridge';
import type { CityopsBridge } from '../common/contract/bridge';

/**
 * The sandboxed bridge: `window.cityops` with exactly two functions, nothing else.
 * Bundled on its own (out/electron/preload.cjs): it may only `require('electron')`, so it imports
 * plain string constants and types from common, never the zod contract.
 */

type Listener = (payload: unknown) => void;

/** event name → subscriptions. Each subscribe() adds its own record, so unsubscribe is exact. */
const listeners = new Map<string, Set<{ listener: Listener }>>();

// One IPC listener for the whole window, fanned out here; the IpcRendererEvent (which carries
// `sender`) never reaches the page.
ipcRenderer.on(IPC_EVENT, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  const subscriptions = listeners.get(name);
  if (subscriptions === undefined) return;
  for (const subscription of [...subscriptions]) {
    try {
      subscription.listener(payload);
    } catch (error) {
      console.error(`[cityops] listener for ${name} threw`, error);
    }
  }
});

const bridge: CityopsBridge = {
  invoke(method, input) {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    return ipcRenderer.invoke(IPC_INVOKE, method, input);
  },

  subscribe(event, listener) {
    if (typeof event !== 'string') throw new TypeError('event must be a string');
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const subscription = { listener: listener as Listener };
    let subscriptions = listeners.get(event);
    if (subscriptions === undefined) {
      subscriptions = new Set();
      listeners.set(event, subscriptions);
    }
    subscriptions.add(subscription);

    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const current = listeners.get(event);
      if (current === undefined) return;
      current.delete(subscription);
      if (current.size === 0) listeners.delete(event);
    };
  },
};

contextBridge.exposeInMainWorld('cityops', Object.freeze(bridge));
