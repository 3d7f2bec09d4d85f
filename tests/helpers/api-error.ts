import { ApiError } from '../../common/contract';

/** The ApiError `fn` throws (any other error is rethrown); fails the test if it throws nothing. */
export function apiErr(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}
