import { ApiError, apiError } from '../../../../common/contract/errors';

export function notFound(zh: string, en: string, id: string): Error {
  return apiError('E_NOT_FOUND', `${zh}不存在`, `No such ${en}`, { id });
}

export function closedError(): Error {
  return apiError('E_CONFLICT', '媒体引擎已关闭', 'The media engine is closed');
}

/** A mediasoup error (a closed transport, a worker gone mid-call) as the contract's error. */
export function engineFailure(error: unknown): Error {
  if (error instanceof ApiError) return error;
  return apiError('E_CONFLICT', '媒体引擎无法完成此请求', 'The media engine could not do this', {
    reason: error instanceof Error ? error.message : String(error),
  });
}
