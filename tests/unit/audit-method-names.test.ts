import { describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import { auditMethodsEn } from '../../renderer/src/i18n/audit-methods.en';
import { auditMethodsZh } from '../../renderer/src/i18n/audit-methods.zh';
import { latinWords } from '../helpers/latin-words';

describe('the audit log’s method names', () => {
  const methods = Object.keys(contract);

  it('name every contract method in Chinese and in English', () => {
    const missingZh = methods.filter((m) => !auditMethodsZh[m]?.trim());
    const missingEn = methods.filter((m) => !auditMethodsEn[m]?.trim());
    expect({ missingZh, missingEn }).toEqual({ missingZh: [], missingEn: [] });
  });

  it('name no method that is not in the contract (a renamed one would linger)', () => {
    const known = new Set(methods);
    expect(Object.keys(auditMethodsZh).filter((m) => !known.has(m))).toEqual([]);
    expect(Object.keys(auditMethodsEn).filter((m) => !known.has(m))).toEqual([]);
  });

  it('say the Chinese names in Chinese (no code, no English word)', () => {
    for (const m of methods) {
      const zh = auditMethodsZh[m] ?? '';
      expect(latinWords(zh), `${m}: ${zh}`).toEqual([]);
      expect(zh).not.toContain(m);
      expect(zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('give different methods different Chinese names (the filter lists them)', () => {
    const seen = new Map<string, string>();
    for (const m of methods) {
      const zh = auditMethodsZh[m] ?? '';
      expect(seen.get(zh), `${m} and ${seen.get(zh) ?? ''} are both “${zh}”`).toBeUndefined();
      seen.set(zh, m);
    }
  });
});
