import { describe, expect, it } from 'vitest';
import { apiError, type ApiErrorBody } from '../../common/contract';
import { Open311Error, asOpen311Error, open311ErrorOf } from '../../main/services/open311/errors';

describe('Open311 errors: one mapping from a refusal to a GeoReport error', () => {
  it('gives the same status for a thrown ApiError and a router answer', () => {
    const cases: [ApiErrorBody['code'], number][] = [
      ['E_INVALID', 400],
      ['E_FORBIDDEN', 403],
      ['E_UNAUTHENTICATED', 403],
      ['E_NOT_FOUND', 404],
      ['E_CONFLICT', 409],
      ['E_RATE_LIMITED', 429],
    ];
    for (const [code, status] of cases) {
      const thrown = asOpen311Error(apiError(code, '中文', 'English'));
      expect([code, thrown?.status, thrown?.description]).toEqual([code, status, '中文 / English']);
      expect(open311ErrorOf({ code, message: { zh: '中文', en: 'English' } }).status).toBe(status);
    }
  });

  it('leaves the hub’s own faults to the endpoint (null) and keeps GeoReport errors as they are', () => {
    expect(asOpen311Error(apiError('E_INTERNAL', '内部', 'internal'))).toBeNull();
    expect(asOpen311Error(new Error('bug'))).toBeNull();
    const own = new Open311Error(404, 'x');
    expect(asOpen311Error(own)).toBe(own);
    expect(open311ErrorOf({ code: 'E_LOCKED', message: { zh: 'same', en: 'same' } })).toMatchObject({
      status: 500,
      description: 'same',
    });
  });
});
