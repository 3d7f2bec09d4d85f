import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../common/domain/org';
import en from './en';
import zhCN, { type MessageTree } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: MessageTree };
  }
}

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function initI18n(language: Language): void {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['zh-CN', 'en'],
    // React escapes already.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
}

export { i18next };
