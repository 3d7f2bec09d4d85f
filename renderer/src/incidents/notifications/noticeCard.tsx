import { Button, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { IncidentNotice } from '../../../../common/contract';
import { INCIDENT_LEVEL_COLOURS, INCIDENT_LEVEL_NAMES } from '../../../../common/domain/incidents';
import { formatDateTime } from '../../time/dayjs';

/** What a notice card shows: the incident and its level, the note, who told and when, 确认收到. */
export function noticeCard(
  n: IncidentNotice,
  t: TFunction,
  pick: (text: { zh: string; en: string }) => string,
  onConfirm: () => void,
): { title: ReactNode; description: ReactNode; actions: ReactNode } {
  return {
    title: (
      <span>
        {t('notify.card.title', { name: n.incidentName })}{' '}
        <Tag color={INCIDENT_LEVEL_COLOURS[n.level]}>{pick(INCIDENT_LEVEL_NAMES[n.level])}</Tag>
        {n.drill && <Tag>{t('notify.card.drill')}</Tag>}
      </span>
    ),
    description: (
      <>
        {n.note && (
          <Typography.Paragraph style={{ margin: 0 }} data-testid="incident-notice-note">
            {n.note}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('notify.card.from', { by: n.byName, at: formatDateTime(n.at) })}
        </Typography.Text>
      </>
    ),
    actions: (
      <Button size="small" type="primary" data-testid="incident-notice-confirm" onClick={onConfirm}>
        {t('notify.card.confirm')}
      </Button>
    ),
  };
}
