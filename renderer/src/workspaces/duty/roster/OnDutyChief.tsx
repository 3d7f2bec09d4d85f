import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OnDuty } from '../../../../../common/contract';
import { useDutyNames } from './useDutyNames';

/** The current shift's chief (with a tick once checked in), or a warning that there is none. */
export function OnDutyChief({
  chief,
  chiefPost,
}: {
  chief: OnDuty['chief'];
  chiefPost: OnDuty['posts'][number] | undefined;
}) {
  const { t } = useTranslation();
  const names = useDutyNames();
  return (
    <span data-testid="on-duty-chief" data-user={chief?.userId ?? ''}>
      {chiefPost ? names.name(chiefPost) : t('roster.status.chief')}{' '}
      {chief ? (
        <span style={{ color: '#e3eaf4' }}>
          {chief.userName}
          {chief.checkedInAt !== null && (
            <CheckCircleFilled style={{ color: '#3aa57a', marginInlineStart: 4 }} aria-label={t('roster.check.in')} />
          )}
        </span>
      ) : (
        <span style={{ color: '#d59b3a' }}>{t('roster.status.noChief')}</span>
      )}
    </span>
  );
}
