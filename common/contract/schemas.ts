import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { LANGUAGES, ORG_UNIT_KINDS } from '../domain/org';

export const roleSchema = z.enum(ROLES);
export const languageSchema = z.enum(LANGUAGES);
/** Milliseconds since the epoch; every timestamp that crosses the contract is one. */
export const epochMs = z.number().int().nonnegative();
export const idSchema = z.number().int().positive();
export const orgUnitIdSchema = z.string().min(1).max(64);
export const empty = z.object({}).strict();

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
export const displayNameSchema = z.string().trim().min(1).max(40);
/** At least 8 characters with a letter and a digit: a control room is a government network. */
export const passwordSchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/[A-Za-z]/, 'needs a letter')
  .regex(/[0-9]/, 'needs a digit');

export const sessionUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  language: languageSchema,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const orgUnitSchema = z.object({
  id: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  name: z.string(),
  parentId: z.string().nullable(),
  /** For a grid: the joint-duty station serving it. */
  stationId: z.string().nullable(),
  /** For a workstation: 村 (village) or 居委 (residential committee). */
  subtype: z.enum(['village', 'residential']).nullable(),
  sort: z.number().int(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;
