import type { ApiErrorBody, Bilingual, ErrorCode } from '../../../common/contract';

/**
 * The contract's codes plus one the hub can never send: the call did not reach the hub, or its
 * answer never came back. The UI shows it like any other error instead of waiting forever.
 */
export type ClientErrorCode = ErrorCode | 'E_CONNECTION';

export interface ClientErrorBody extends Omit<ApiErrorBody, 'code'> {
  code: ClientErrorCode;
}

/** The only thing `Api.call` rejects with. */
export class ApiCallError extends Error {
  readonly body: ClientErrorBody;

  constructor(body: ClientErrorBody) {
    super(`${body.code}: ${body.message.en}`);
    this.name = 'ApiCallError';
    this.body = body;
  }

  get code(): ClientErrorCode {
    return this.body.code;
  }
}

export type ConnectionFailure = 'dropped' | 'timeout' | 'unavailable' | 'closed';

const CONNECTION_MESSAGES: Record<ConnectionFailure, Bilingual> = {
  dropped: {
    zh: '与中心的连接中断，操作结果未知，请在连接恢复后核对。',
    en: 'The connection to the hub dropped; the outcome is unknown. Check again once reconnected.',
  },
  timeout: {
    zh: '中心未在规定时间内应答，请稍后重试。',
    en: 'The hub did not answer in time. Please try again.',
  },
  unavailable: {
    zh: '无法连接到中心，请稍后重试。',
    en: 'The hub cannot be reached. Please try again later.',
  },
  closed: { zh: '客户端已关闭。', en: 'The client was closed.' },
};

export function connectionError(failure: ConnectionFailure): ApiCallError {
  return new ApiCallError({ code: 'E_CONNECTION', message: CONNECTION_MESSAGES[failure], details: { failure } });
}

/** Normalises anything a transport may throw, so callers only ever see ApiCallError. */
export function toApiCallError(error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiCallError({
    code: 'E_INTERNAL',
    message: { zh: `客户端内部错误：${detail}`, en: `Internal client error: ${detail}` },
  });
}

export function isApiCallError(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError;
}
