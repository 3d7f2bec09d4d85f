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
