import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { auditMethodsEn } from '../../../i18n/audit-methods.en';
import { auditMethodsZh } from '../../../i18n/audit-methods.zh';
import { auditEn } from '../../../i18n/audit.en';
import { auditZh } from '../../../i18n/audit.zh';
import { useOrderReference } from '../../../orders/reference/useOrderReference';
import { useLanguage } from '../../../stores/language';
import type { AuditRenderContext } from './render';

/** The names an audit row is rendered with, in the console's language (reference data for units and categories). */
export function useAuditRender(): AuditRenderContext {
  const language = useLanguage();
  const { t } = useTranslation();
  const ref = useOrderReference();
  return useMemo<AuditRenderContext>(
    () => ({
      language,
      texts: language === 'en' ? auditEn : auditZh,
      methodNames: language === 'en' ? auditMethodsEn : auditMethodsZh,
      actionName: (action) => t(`orders.action.${action}`, { defaultValue: action }),
      unitName: (id) => ref.unitById.get(id)?.name,
      categoryName: (id) => {
        const c = ref.categoryById.get(id);
        return c ? (language === 'en' && c.nameEn ? c.nameEn : c.name) : undefined;
      },
    }),
    [language, t, ref],
  );
}
