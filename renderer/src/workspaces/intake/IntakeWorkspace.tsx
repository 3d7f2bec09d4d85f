import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { openOrder } from '../../orders/drawer/store';
import { useOrderNames } from '../../orders/display/useOrderNames';
import { IntakeForm } from '../../orders/intake/IntakeForm';

export function IntakeWorkspace() {
  const { t } = useTranslation();
  const names = useOrderNames();
  const [created, setCreated] = useState<OrderDetail | null>(null);
  return (
    <>
      <WorkspaceTitle>{t('intake.heading')}</WorkspaceTitle>
      <IntakeForm
        onCreated={setCreated}
        banner={
          created && (
            <Alert
              type="success"
              showIcon
              closable={{ onClose: () => setCreated(null) }}
              style={{ marginBottom: 12 }}
              data-testid="intake-result"
              data-code={created.code}
              data-id={created.id}
              title={t('intake.created', { code: created.code, state: names.state(created.state) })}
              action={
                <Button
                  size="small"
                  data-testid="intake-result-open"
                  onClick={() => {
                    openOrder(created.id);
                  }}
                >
                  {t('intake.openCreated')}
                </Button>
              }
            />
          )
        }
      />
    </>
  );
}
