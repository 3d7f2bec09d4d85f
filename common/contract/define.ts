import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a method: nobody needs a session for 'public', any signed-in user for
 * 'authenticated', a partner system through its API key (Open311) for 'apiKey' — and nobody else —
 * otherwise only holders of one of the listed roles.
 */
export type Access = 'public' | 'authenticated' | 'apiKey' | readonly Role[];

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Writing calls are audited and run in one transaction. */
  writes: boolean;
  /** One line for the audit log and the API docs. */
  summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
  summary: string;
}

export function event<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  return def;
}

/** Who receives a published event; every listed condition must hold (empty = everyone signed in). */
export interface Audience {
  roles?: readonly Role[];
  userIds?: readonly number[];
  orgUnitIds?: readonly string[];
  /** Connection ids (Connection.id): one wall window, not every window of its user. */
  connectionIds?: readonly string[];
}
