import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/domain/org';
import { useLanguage } from '../stores/language';
import { useSwitchLanguage } from './useSwitchLanguage';

export function LanguageSwitch({ testId = 'language-switch' }: { testId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const switchLanguage = useSwitchLanguage();
  return (
    <Segmented<Language>
      size="small"
      data-testid={testId}
      aria-label={t('language.label')}
      value={language}
      onChange={switchLanguage}
      options={[
        { label: t('language.zh'), value: 'zh-CN' },
        { label: t('language.en'), value: 'en' },
      ]}
    />
  );
}
