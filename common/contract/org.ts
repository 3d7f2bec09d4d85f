import { z } from 'zod';
import { method } from './define';
import { empty, orgUnitSchema, roleSchema } from './schemas';

export const departmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** enforcement / police / regulator / utility … */
  kind: z.string(),
  sort: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

export const categorySchema = z.object({
  /** 2-digit domain code, 5-digit sub-category, 7-digit item (GB/T 30428 style). */
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.number().int().min(1).max(3),
  note: z.string().nullable(),
  sort: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

export const roleInfoSchema = z.object({ code: roleSchema, nameZh: z.string(), nameEn: z.string() });

export const orgMethods = {
  'org.units.list': method({
    input: empty,
    output: z.array(orgUnitSchema),
    access: 'authenticated',
    writes: false,
    summary: 'The center, stations, grids and workstations',
  }),
  'org.departments.list': method({
    input: empty,
    output: z.array(departmentSchema),
    access: 'authenticated',
    writes: false,
    summary: 'Departments that receive dispatched work',
  }),
  'org.categories.list': method({
    input: empty,
    output: z.array(categorySchema),
    access: 'authenticated',
    writes: false,
    summary: 'The five problem domains and their categories, flat with parent ids',
  }),
  'org.roles.list': method({
    input: empty,
    output: z.array(roleInfoSchema),
    access: 'authenticated',
    writes: false,
    summary: 'The console roles',
  }),
} as const;
