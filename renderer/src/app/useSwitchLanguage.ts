import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/domain/org';
import { isApiCallError, useApi } from '../api';
import { useErrorText } from '../i18n/useDisplay';
import { useLanguageStore } from '../stores/language';
import { useSessionStore } from '../stores/session';

/** Switch the UI language now and, when signed in, remember it for the user on the hub. */
export function useSwitchLanguage(): (language: Language) => void {
  const api = useApi();
  const apply = useLanguageStore((s) => s.apply);
  const { message } = App.useApp();
  const { t } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (language) => {
      apply(language);
      const { phase, user, updateUser } = useSessionStore.getState();
      if (phase !== 'signed-in' || !user) return;
      updateUser({ ...user, language });
      api.call('auth.setLanguage', { language }).catch((error: unknown) => {
        const text = isApiCallError(error) ? errorText(error) : String(error);
        void message.error(t('language.saveFailed', { message: text }));
      });
    },
    [api, apply, errorText, message, t],
  );
}
