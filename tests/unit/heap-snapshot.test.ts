import { describe, expect, it } from 'vitest';
import { growth, growthLines, summarise, type HeapSnapshotJson } from '../../tests/bench/heap-snapshot';

const META = {
  node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
  node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native'], 'string'],
};
const STRINGS = [
  '',
  'Tile',
  'onClick',
  'HTMLDivElement',
  'hello',
  'Map',
  'system / Context / scope @17',
  'system / Context / scope @23',
];
const [OBJECT, CLOSURE, NATIVE, STRING] = [3, 5, 8, 2];

/** One node: [type, name, id, self_size, edge_count, trace_node_id, detachedness]. */
const node = (type: number, name: number, size: number, detached = 0): number[] => [
  type,
  name,
  1,
  size,
  0,
  0,
  detached,
];

const snapshot = (...nodes: number[][]): HeapSnapshotJson => ({
  snapshot: { meta: META },
  nodes: nodes.flat(),
  strings: STRINGS,
});

describe('heap snapshot summary', () => {
  it('groups objects and natives by constructor name and the rest by node type, with count and self size', () => {
    const s = summarise(
      snapshot(
        node(OBJECT, 1, 40),
        node(OBJECT, 1, 60),
        node(CLOSURE, 2, 32),
        node(NATIVE, 3, 100, 2),
        node(STRING, 4, 24),
        node(OBJECT, 5, 16),
        node(OBJECT, 6, 8),
        node(OBJECT, 7, 8),
      ),
    );
    // V8's per-object suffix is not part of the group's name.
    expect(s.byName.get('system / Context / scope')).toEqual({
      name: 'system / Context / scope',
      count: 2,
      selfSize: 16,
    });
    expect(s.byName.get('Tile')).toEqual({ name: 'Tile', count: 2, selfSize: 100 });
    // A closure is grouped as DevTools does, not under its function's name.
    expect(s.byName.get('(closure)')).toEqual({ name: '(closure)', count: 1, selfSize: 32 });
    expect(s.byName.get('onClick')).toBeUndefined();
    expect(s.byName.get('(string)')?.selfSize).toBe(24);
    expect(s.byName.get('HTMLDivElement')?.count).toBe(1);
    expect(s.detached).toBe(1);
    // The native (Blink) node is not part of V8's heap.
    expect(s.v8Size).toBe(40 + 60 + 32 + 24 + 16 + 8 + 8);
  });

  it('orders constructors by self-size growth and reports those that appeared or went', () => {
    const before = summarise(snapshot(node(OBJECT, 1, 40), node(OBJECT, 5, 500), node(CLOSURE, 2, 32)));
    const after = summarise(
      snapshot(node(OBJECT, 1, 40), node(OBJECT, 1, 40), node(OBJECT, 1, 40), node(NATIVE, 3, 100, 2)),
    );
    const rows = growth(before, after);
    expect(rows.map((r) => r.name)).toEqual(['HTMLDivElement', 'Tile', '(closure)', 'Map']);
    expect(rows[1]).toEqual({ name: 'Tile', countBefore: 1, countAfter: 3, sizeBefore: 40, sizeAfter: 120 });
    expect(rows[3]).toMatchObject({ countBefore: 1, countAfter: 0, sizeAfter: 0 });
    const lines = growthLines(before, after, 2);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^Tile\s+1 → 3\s+\+2\s+0\.0 KB → 0\.1 KB\s+\+0\.1 KB$/);
    expect(lines[3]).toBe(
      "V8 heap (all but Blink's native objects): 0.6 KB → 0.1 KB (-0.4 KB), " +
        'of which code (compiled functions, bytecode, feedback) +0.0 KB, the rest -0.4 KB',
    );
    expect(lines[4]).toBe('detached nodes: 0 → 1');
  });

  it('refuses a snapshot without the fields it reads', () => {
    const bad = {
      snapshot: { meta: { node_fields: ['type', 'id'], node_types: [['object']] } },
      nodes: [],
      strings: [],
    };
    expect(() => summarise(bad)).toThrow(/no node field name/);
  });
});
