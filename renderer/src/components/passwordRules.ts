import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/**
 * Mirrors the contract's passwordSchema (≥ 8, a letter and a digit) so the operator hears about
 * it before a round trip; the hub still validates.
 */
export function passwordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('password.rule') },
    { min: 8, max: 128, message: t('password.rule') },
    { pattern: /[A-Za-z]/, message: t('password.rule') },
    { pattern: /[0-9]/, message: t('password.rule') },
  ];
}
