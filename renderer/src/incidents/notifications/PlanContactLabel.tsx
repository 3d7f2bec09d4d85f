import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../common/contract';

/** Who a plan contact is (name, title and unit, phone to copy), or that the contact is gone from the book. */
export function PlanContactLabel({ id, contact }: { id: number; contact: Contact | undefined }) {
  const { t } = useTranslation();
  if (!contact) {
    return <Typography.Text type="secondary">{t('incidentPlans.prefill.missing', { id })}</Typography.Text>;
  }
  return (
    <>
      <Typography.Text strong>{contact.name}</Typography.Text>
      <Typography.Text type="secondary">
        {[contact.title, contact.parentName ?? contact.orgUnitName].filter(Boolean).join(' · ')}
      </Typography.Text>
      <Typography.Text
        className="tabular"
        data-testid="plan-notify-phone"
        copyable={Boolean(contact.phone ?? contact.mobile)}
      >
        {contact.phone ?? contact.mobile ?? ''}
      </Typography.Text>
    </>
  );
}
