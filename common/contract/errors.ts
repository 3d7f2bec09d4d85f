/** Stable error codes every API call may answer with (docs/architecture.md#the-contract-and-the-router). */
export const ERROR_CODES = [
  'E_INVALID',
  'E_UNAUTHENTICATED',
  'E_FORBIDDEN',
  'E_NOT_FOUND',
  'E_CONFLICT',
  'E_LOCKED',
  /** Too many attempts (sign-in, anonymous writes) from one connection or address; details.retryAfterMs. */
  'E_RATE_LIMITED',
  /** The hub cannot write its data (disk full, folder read-only, database damaged); details.cause. Reads still work. */
  'E_STORAGE',
  'E_INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: Bilingual;
  /** Machine-readable detail, e.g. the failing fields of an E_INVALID. */
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by services and the router; turned into `{ok:false,error}` at the boundary. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly bilingual: Bilingual;
  readonly details: unknown;

  constructor(code: ErrorCode, message: Bilingual, details?: unknown) {
    super(`${code}: ${message.en}`);
    this.name = 'ApiError';
    this.code = code;
    this.bilingual = message;
    this.details = details;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.bilingual };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function apiError(code: ErrorCode, zh: string, en: string, details?: unknown): ApiError {
  return new ApiError(code, { zh, en }, details);
}
