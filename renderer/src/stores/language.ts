import { create } from 'zustand';
import { LANGUAGES, type Language } from '../../../common/domain/org';
import { DEFAULT_LANGUAGE, i18next } from '../i18n';
import { setDayjsLanguage } from '../time/dayjs';

const KEY = 'cityops.language';

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The language before sign-in: the last one used on this PC. After sign-in the user's own wins. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage disabled: use the default.
  }
  return DEFAULT_LANGUAGE;
}

interface LanguageState {
  language: Language;
  /** Applies locally (i18next, dayjs, antd via the store); saving per user is the caller's job. */
  apply: (language: Language) => void;
}

export const useLanguageStore = create<LanguageState>((set) => ({
  language: initialLanguage(),
  apply(language) {
    void i18next.changeLanguage(language);
    setDayjsLanguage(language);
    document.documentElement.lang = language;
    try {
      localStorage.setItem(KEY, language);
    } catch {
      // Not remembered on this PC; harmless.
    }
    set({ language });
  },
}));

export function useLanguage(): Language {
  return useLanguageStore((s) => s.language);
}
