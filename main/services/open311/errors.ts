import { ApiError, type ApiErrorBody } from '../../../common/contract';
import type { Open311Record } from './formats';

/**
 * GeoReport v2 errors: an HTTP status and a list of `{code, description}`, the code repeating the status
 * (http://wiki.open311.org/GeoReport_v2/#errors).
 */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(`${status}: ${description}`);
    this.name = 'Open311Error';
  }
}

export const badRequest = (description: string) => new Open311Error(400, description);
export const forbidden = (description: string) => new Open311Error(403, description);
export const notFound = (description: string) => new Open311Error(404, description);

/** The body of an error response: one entry (GeoReport v2 allows several). */
export function errorEntries(err: Open311Error): Open311Record[] {
  return [{ code: err.status, description: err.description }];
}

/**
 * The GeoReport status of each code the hub answers. E_LOCKED is a console account's state, which a
 * key never has: like E_INTERNAL, the hub's fault.
 */
const STATUS: Readonly<Record<ApiErrorBody['code'], number>> = {
  E_INVALID: 400,
  E_NOT_FOUND: 404,
  E_FORBIDDEN: 403,
  E_UNAUTHENTICATED: 403,
  E_CONFLICT: 409,
  E_RATE_LIMITED: 429,
  E_LOCKED: 500,
  // The hub cannot store the request now; the partner may try again later.
  E_STORAGE: 503,
  E_INTERNAL: 500,
};

/**
 * The one mapping of a refusal (the router's answer, or a service's ApiError) to the GeoReport error
 * the client gets, in the endpoint's 'zh / en' form.
 */
export function open311ErrorOf(error: Pick<ApiErrorBody, 'code' | 'message'>): Open311Error {
  const status = STATUS[error.code];
  const { zh, en } = error.message;
  return new Open311Error(status, zh === en ? en : `${zh} / ${en}`);
}

/** What an Open311 call threw, as the error its client gets; null for the hub's own fault (E_INTERNAL, a bug). */
export function asOpen311Error(err: unknown): Open311Error | null {
  if (err instanceof Open311Error) return err;
  if (err instanceof ApiError && err.code !== 'E_INTERNAL') {
    return open311ErrorOf({ code: err.code, message: err.bilingual });
  }
  return null;
}
