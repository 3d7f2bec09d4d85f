import { useCallback } from 'react';
import type { Bilingual } from '../../../common/contract';
import { ROLE_NAMES, type Role } from '../../../common/domain/roles';
import type { ClientErrorBody } from '../api';
import { useLanguage } from '../stores/language';

/** Picks the side of a server-provided {zh, en} text that matches the UI language. */
export function useBilingual(): (text: Bilingual) => string {
  const language = useLanguage();
  return useCallback((text) => (language === 'en' ? text.en : text.zh), [language]);
}

/** An error's message in the UI language, straight from the hub (or the client for E_CONNECTION). */
export function useErrorText(): (error: { body: ClientErrorBody } | ClientErrorBody) => string {
  const pick = useBilingual();
  return useCallback((error) => pick('body' in error ? error.body.message : error.message), [pick]);
}

export function useRoleName(): (role: Role) => string {
  const pick = useBilingual();
  return useCallback((role) => pick(ROLE_NAMES[role]), [pick]);
}
