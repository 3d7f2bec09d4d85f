import { Alert, App, Divider } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';
import { PlanNotifyList } from './PlanNotifyList';

/**
 * The notify dialog's first part when the incident's level has a plan: its 通知对象, each recorded
 * with one action, then the divider before anyone else.
 */
export function PlanNotifySection({ incidentId }: { incidentId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  // The incident page has it already (same query): the plan level's list and who was told.
  const incident = useApiQuery('incidents.get', { id: incidentId });
  const planIds = useMemo(() => incident.data?.planLevel?.notify.map((n) => n.contactId) ?? [], [incident.data]);
  // The whole phone book resolves the plan's contact ids (hundreds of rows; the hub caps it).
  const everyone = useApiQuery('contacts.search', {}, { enabled: planIds.length > 0 });
  const known = useMemo(() => new Map((everyone.data?.rows ?? []).map((c) => [c.id, c])), [everyone.data]);
  const quick = useApiMutation('incidents.notify', {
    invalidates: ['incidents.get'],
    onSuccess: (n) => {
      void message.success(t('incidentPlans.prefill.recorded', { name: n.contactName }));
    },
  });
  if (!incident.data?.planLevel) return null;
  return (
    <>
      <PlanNotifyList
        level={incident.data.incident.level}
        contactIds={planIds}
        known={known}
        notifications={incident.data.notifications}
        pending={quick.isPending ? quick.variables.contactId : null}
        onRecord={(contactId, channel) => {
          quick.mutate({ id: incidentId, contactId, channel });
        }}
      />
      {quick.error && <Alert type="error" showIcon title={errorText(quick.error)} style={{ marginBottom: 12 }} />}
      <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
        {t('incidentPlans.prefill.others')}
      </Divider>
    </>
  );
}
