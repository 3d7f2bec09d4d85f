import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type MethodName } from '../../common/contract';
import { MATRIX_TITLE } from './scoping/row';
import { ADMIN_ROWS } from './scoping/rows-admin';
import { CAMERA_WALL_ROWS } from './scoping/rows-cameras-wall';
import { DUTY_ROWS } from './scoping/rows-duty';
import { INCIDENT_ROWS } from './scoping/rows-incidents';
import { ORDER_ROWS } from './scoping/rows-orders';

// The scoping matrix (tests/unit/scoping/matrix.ts), all its files together: every id a method's input names has
// a row in one of them, or is reference data.

const ROWS = [...ORDER_ROWS, ...DUTY_ROWS, ...CAMERA_WALL_ROWS, ...ADMIN_ROWS, ...INCIDENT_ROWS];

/** Id-ish keys (`id`, `…Id`, `…Ids`) anywhere in a method's input, as dotted paths. */
function idKeys(schema: z.ZodType, path = ''): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) => {
      const p = path ? `${path}.${key}` : key;
      return [...(/(^id$|Id$|Ids$)/.test(key) ? [p] : []), ...idKeys(value, p)];
    });
  }
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  for (const key of ['innerType', 'element', 'in', 'schema']) {
    const inner = def[key];
    if (inner instanceof z.ZodType) return idKeys(inner, path);
  }
  if (Array.isArray(def.options)) return (def.options as z.ZodType[]).flatMap((o) => idKeys(o, path));
  return [];
}

/**
 * Ids of reference data every signed-in user may list (org units, categories, departments — see
 * org.*), the caller's own checklist items, and ids that are stored but never resolved or echoed.
 * Everything else must have a row in the matrix below.
 */
const REFERENCE = new Set([
  'orders.create categoryId',
  'orders.create workstationId',
  'orders.create cameraId',
  'orders.duplicates categoryId',
  'orders.duplicates workstationId',
  'orders.act handler.id',
  'sla.limits.set categoryId',
  'admin.users.create orgUnitId',
  'admin.users.update orgUnitId',
  'cameras.create workstationId',
  'cameras.update workstationId',
  'duty.handover.start checklist.id',
  'duty.checklist.set items.id',
  'duty.log.append links.incidentId',
  // Org units, picked on the org tree every signed-in user may list.
  'incidents.activate areaIds',
  ...['orders.list', 'orders.export'].flatMap((m) =>
    ['domainId', 'categoryId', 'workstationId', 'departmentId'].map((k) => `${m} filter.${k}`),
  ),
  // Grids are org units (the camera tree's top level, listed to everyone); the method is admin-only.
  'wall.lossAlarms.set gridId',
  'contacts.search orgUnitId',
  'contacts.save orgUnitId',
  ...['cameras.list', 'cameras.tree', 'cameras.export'].flatMap((m) =>
    ['workstationId', 'gridId'].map((k) => `${m} filter.${k}`),
  ),
]);

describe(MATRIX_TITLE, () => {
  it('has a row for every id an input names (other than reference data)', () => {
    const covered = new Set(ROWS.flatMap((r) => r.covers.map((k) => `${r.method} ${k}`)));
    const missing = (Object.keys(contract) as MethodName[])
      .flatMap((m) => idKeys(contract[m].input).map((k) => `${m} ${k}`))
      .filter((k) => !REFERENCE.has(k) && !covered.has(k));
    expect(missing).toEqual([]);
  });
});
