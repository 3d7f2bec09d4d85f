import { z } from 'zod';
import { auditDetailSchema } from './audit-detail';
import { method } from './define';
import {
  displayNameSchema,
  empty,
  epochMs,
  idSchema,
  orgUnitIdSchema,
  passwordSchema,
  roleSchema,
  sessionUserSchema,
  usernameSchema,
} from './schemas';

export const userRecordSchema = sessionUserSchema.omit({ language: true }).extend({
  disabled: z.boolean(),
  /** Set while the account is locked after repeated failed sign-ins. */
  lockedUntil: epochMs.nullable(),
  lastLoginAt: epochMs.nullable(),
  createdAt: epochMs,
});
export type UserRecord = z.infer<typeof userRecordSchema>;

const rolesInput = z.array(roleSchema).min(1).max(7);

export const adminMethods = {
  'admin.users.list': method({
    input: empty,
    output: z.array(userRecordSchema),
    access: ['admin'],
    writes: false,
    summary: 'All users',
  }),
  'admin.users.create': method({
    input: z.object({
      username: usernameSchema,
      displayName: displayNameSchema,
      password: passwordSchema,
      roles: rolesInput,
      orgUnitId: orgUnitIdSchema,
    }),
    output: userRecordSchema,
    access: ['admin'],
    writes: true,
    summary: 'Create a user (must change the password at first sign-in)',
  }),
  'admin.users.update': method({
    input: z.object({
      id: idSchema,
      displayName: displayNameSchema.optional(),
      roles: rolesInput.optional(),
      orgUnitId: orgUnitIdSchema.optional(),
    }),
    output: userRecordSchema,
    access: ['admin'],
    writes: true,
    summary: 'Change a user’s name, roles or org unit',
  }),
  'admin.users.setDisabled': method({
    input: z.object({ id: idSchema, disabled: z.boolean() }),
    output: userRecordSchema,
    access: ['admin'],
    writes: true,
    summary: 'Disable (ends every session) or re-enable a user',
  }),
  'admin.users.resetPassword': method({
    input: z.object({ id: idSchema, newPassword: passwordSchema }),
    output: userRecordSchema,
    access: ['admin'],
    writes: true,
    summary: 'Set a new password, unlock, and require a change at next sign-in',
  }),
} as const;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: epochMs,
  actorId: idSchema.nullable(),
  actorName: z.string(),
  method: z.string(),
  target: z.string().nullable(),
  summary: z.string(),
  ok: z.boolean(),
  errorCode: z.string().nullable(),
  /** The structured summary the console renders in its language; null on rows written before it existed. */
  detail: auditDetailSchema.nullable(),
  /** The actor's current display name, when the actor is a known user (also the account a failed sign-in named). */
  actorDisplayName: z.string().nullable(),
  /** For a `user:` target: that user's display name. */
  targetName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditMethods = {
  'audit.list': method({
    input: z.object({
      from: epochMs.optional(),
      to: epochMs.optional(),
      actor: z.string().trim().max(64).optional(),
      method: z.string().trim().max(64).optional(),
      text: z.string().trim().max(100).optional(),
      onlyFailures: z.boolean().optional(),
      /** Keyset paging: entries with id below this. */
      beforeId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(auditEntrySchema), nextBeforeId: idSchema.nullable() }),
    access: ['admin'],
    writes: false,
    summary: 'Browse the audit log, newest first',
  }),
  'audit.methods': method({
    input: empty,
    output: z.array(z.string()),
    access: ['admin'],
    writes: false,
    summary: 'Method names that appear in the audit log (for the filter)',
  }),
} as const;

export const apiKeySchema = z.object({
  id: idSchema,
  name: z.string(),
  /** The first characters, to tell keys apart; the key itself is shown once at creation. */
  prefix: z.string(),
  createdAt: epochMs,
  createdByName: z.string(),
  revokedAt: epochMs.nullable(),
  lastUsedAt: epochMs.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyMethods = {
  'admin.apiKeys.list': method({
    input: empty,
    output: z.array(apiKeySchema),
    access: ['admin'],
    writes: false,
    summary: 'Open311 API keys',
  }),
  'admin.apiKeys.create': method({
    input: z.object({ name: z.string().trim().min(2).max(60) }),
    output: z.object({ key: apiKeySchema, secret: z.string() }),
    access: ['admin'],
    writes: true,
    summary: 'Issue an Open311 API key (the secret is shown once)',
  }),
  'admin.apiKeys.revoke': method({
    input: z.object({ id: idSchema }),
    output: apiKeySchema,
    access: ['admin'],
    writes: true,
    summary: 'Revoke an Open311 API key',
  }),
} as const;
