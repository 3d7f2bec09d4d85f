/**
 * A small reader of V8's .heapsnapshot JSON, enough to point at what a soak keeps: per
 * "constructor" (as DevTools' Summary groups them: an object's or native's name, else its node type
 * in parentheses — "(closure)", "(string)", "(array)" …) the count and the self size, and the
 * growth of both between two snapshots. No retained sizes (that needs the dominator tree); a
 * count that grows with the actions done is what points at the culprit.
 */

export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
  strings: string[];
}

export interface ConstructorStat {
  name: string;
  count: number;
  selfSize: number;
}

export interface ConstructorGrowth {
  name: string;
  countBefore: number;
  countAfter: number;
  sizeBefore: number;
  sizeAfter: number;
}

export interface HeapSummary {
  byName: Map<string, ConstructorStat>;
  /** Nodes V8 marks detached (DOM nodes no longer in a document but still reachable from JS). */
  detached: number;
  /** Self size of V8's own nodes (all but type "native": Blink's C++ objects are not in the JS heap). */
  v8Size: number;
}

/** Node types whose name is the constructor's (DevTools groups the others by type). */
const NAMED_TYPES = new Set(['object', 'native']);
/** The `detachedness` value of a detached node (0 unknown, 1 attached). */
const DETACHED = 2;

/** Groups a snapshot's nodes by constructor: count and self size each. */
export function summarise(snap: HeapSnapshotJson): HeapSummary {
  const fields = snap.snapshot.meta.node_fields;
  const typeNames = snap.snapshot.meta.node_types[0];
  if (!Array.isArray(typeNames)) throw new Error('heap snapshot: node_types[0] is not the list of node types');
  const stride = fields.length;
  const at = (field: string): number => {
    const i = fields.indexOf(field);
    if (i < 0 && field !== 'detachedness') throw new Error(`heap snapshot: no node field ${field}`);
    return i;
  };
  const [typeAt, nameAt, sizeAt, detachedAt] = [at('type'), at('name'), at('self_size'), at('detachedness')];
  const byName = new Map<string, ConstructorStat>();
  let detached = 0;
  let v8Size = 0;
  for (let n = 0; n + stride <= snap.nodes.length; n += stride) {
    const type = String(typeNames[snap.nodes[n + typeAt] ?? -1] ?? 'unknown');
    // "system / Context / scope @1234": one group for all of them, not one per object.
    const name = NAMED_TYPES.has(type)
      ? (snap.strings[snap.nodes[n + nameAt] ?? -1] ?? '?').replace(/ @\d+$/, '')
      : `(${type})`;
    const stat = byName.get(name) ?? { name, count: 0, selfSize: 0 };
    stat.count++;
    stat.selfSize += snap.nodes[n + sizeAt] ?? 0;
    if (type !== 'native') v8Size += snap.nodes[n + sizeAt] ?? 0;
    byName.set(name, stat);
    if (detachedAt >= 0 && snap.nodes[n + detachedAt] === DETACHED) detached++;
  }
  return { byName, detached, v8Size };
}

/** Constructors ordered by self-size growth from `before` to `after` (largest first), then by count growth. */
export function growth(before: HeapSummary, after: HeapSummary): ConstructorGrowth[] {
  const names = new Set([...before.byName.keys(), ...after.byName.keys()]);
  return [...names]
    .map((name) => {
      const b = before.byName.get(name);
      const a = after.byName.get(name);
      return {
        name,
        countBefore: b?.count ?? 0,
        countAfter: a?.count ?? 0,
        sizeBefore: b?.selfSize ?? 0,
        sizeAfter: a?.selfSize ?? 0,
      };
    })
    .sort(
      (x, y) =>
        y.sizeAfter - y.sizeBefore - (x.sizeAfter - x.sizeBefore) ||
        y.countAfter - y.countBefore - (x.countAfter - x.countBefore),
    );
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const signed = (n: number, text: string): string => (n >= 0 ? `+${text}` : text);

/** V8's compiled code, bytecode and type feedback: grows as the JIT optimises hot functions, not with kept data. */
const codeSize = (s: HeapSummary): number => s.byName.get('(code)')?.selfSize ?? 0;
const NAME_WIDTH = 60;

/**
 * The report lines: the `top` constructors by self-size growth, the total and how much of it is
 * V8's code (the JIT, not data the page keeps), and the detached nodes before and after.
 */
export function growthLines(before: HeapSummary, after: HeapSummary, top = 20): string[] {
  const rows = growth(before, after).slice(0, top);
  const width = Math.min(NAME_WIDTH, Math.max(12, ...rows.map((r) => r.name.length)));
  const [v8, code] = [after.v8Size - before.v8Size, codeSize(after) - codeSize(before)];
  return [
    `${'constructor'.padEnd(width)}  ${'count'.padStart(17)}  ${'self size'.padStart(30)}`,
    ...rows.map((r) => {
      const dc = r.countAfter - r.countBefore;
      const ds = r.sizeAfter - r.sizeBefore;
      return (
        `${r.name.slice(0, NAME_WIDTH).padEnd(width)}  ${`${r.countBefore} → ${r.countAfter}`.padStart(17)} ` +
        `${signed(dc, String(dc)).padStart(7)}  ${`${kb(r.sizeBefore)} → ${kb(r.sizeAfter)}`.padStart(22)} ` +
        signed(ds, kb(ds)).padStart(11)
      );
    }),
    `V8 heap (all but Blink's native objects): ${kb(before.v8Size)} → ${kb(after.v8Size)} (${signed(v8, kb(v8))}), ` +
      `of which code (compiled functions, bytecode, feedback) ${signed(code, kb(code))}, the rest ${signed(v8 - code, kb(v8 - code))}`,
    `detached nodes: ${before.detached} → ${after.detached}`,
  ];
}
