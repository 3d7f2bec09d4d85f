import { z } from 'zod';
import { method } from './define';
import { empty, epochMs, languageSchema, passwordSchema, sessionUserSchema } from './schemas';

const sessionGrant = z.object({ token: z.string(), expiresAt: epochMs, user: sessionUserSchema });

export const authMethods = {
  'auth.login': method({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }),
    output: sessionGrant,
    access: 'public',
    writes: true,
    summary: 'Sign in; binds the session to this connection',
  }),
  'auth.resume': method({
    input: z.object({ token: z.string().min(16).max(128) }),
    output: sessionGrant,
    access: 'public',
    writes: false,
    summary: 'Re-attach a connection to a live session (after reload or reconnect)',
  }),
  'auth.logout': method({
    input: empty,
    output: z.null(),
    access: 'authenticated',
    writes: true,
    summary: 'End the session',
  }),
  'auth.me': method({
    input: empty,
    output: sessionUserSchema,
    access: 'authenticated',
    writes: false,
    summary: 'The signed-in user',
  }),
  'auth.changePassword': method({
    input: z.object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema }),
    output: z.null(),
    access: 'authenticated',
    writes: true,
    summary: 'Change own password (ends the other sessions of this user)',
  }),
  'auth.setLanguage': method({
    input: z.object({ language: languageSchema }),
    output: z.null(),
    access: 'authenticated',
    writes: true,
    summary: 'Remember the UI language for this user',
  }),
} as const;
