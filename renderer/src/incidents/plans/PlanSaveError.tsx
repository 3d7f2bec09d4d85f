import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';
import { fieldLabel } from './fieldLabel';
import { serverErrors } from './serverErrors';

/** Why the hub refused the save, with each refused field named as the form names it. */
export function PlanSaveError({ error }: { error: ApiCallError }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const errorText = useErrorText();
  const failing = serverErrors(error, pick);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="plan-save-error"
      data-code={error.code}
      title={`${t('incidentPlans.saveFailed')}：${errorText(error)}`}
      description={
        failing.size > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {[...failing].map(([path, text]) => (
              <li key={path} data-testid="plan-save-error-field" data-field={path}>
                <Typography.Text strong>{fieldLabel(path, t, pick)}</Typography.Text>：{text}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
