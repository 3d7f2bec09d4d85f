/**
 * Which listeners the page gained between two soak samples (`--listeners`): the DevTools figure
 * (JSEventListeners) says how many, not whose. Put in before the console's scripts, this counts
 * each listener added and not removed by its target's kind and event type (a target that is
 * collected with its listeners still on keeps its count here: the tally shows what was added).
 */
import type { CdpPage } from './soak-cdp';

export const LISTENER_TALLY_SCRIPT = `(() => {
  const tally = new Map();
  const keyOf = (target, type) => {
    const kind = target === window ? 'window' : target === document ? 'document' : target?.constructor?.name ?? '?';
    return kind + ' ' + type;
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const capture = (options) => (typeof options === 'boolean' ? options : !!options?.capture);
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener) {
      const id = type + '|' + capture(options);
      if (!listener.__soakIds) Object.defineProperty(listener, '__soakIds', { value: new WeakMap() });
      const seen = listener.__soakIds.get(this) ?? new Set();
      if (!seen.has(id)) {
        seen.add(id);
        listener.__soakIds.set(this, seen);
        const key = keyOf(this, type);
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const seen = listener?.__soakIds?.get(this);
    const id = type + '|' + capture(options);
    if (seen?.delete(id)) {
      const key = keyOf(this, type);
      tally.set(key, (tally.get(key) ?? 0) - 1);
    }
    return remove.call(this, type, listener, options);
  };
  Object.defineProperty(window, '__soakListeners', { value: () => Object.fromEntries(tally) });
})();`;

export type ListenerTally = Record<string, number>;

export async function listenerTally(page: CdpPage): Promise<ListenerTally> {
  return page.evaluate<ListenerTally>('window.__soakListeners ? window.__soakListeners() : {}');
}

/** The kinds whose count changed by at least `min` since `before`, largest change first. */
export function listenerChanges(before: ListenerTally, after: ListenerTally, min = 5): string {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes = [...keys]
    .map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)] as const)
    .filter(([, d]) => Math.abs(d) >= min)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return changes.map(([k, d]) => `${k} ${d > 0 ? '+' : ''}${d}`).join(', ');
}
