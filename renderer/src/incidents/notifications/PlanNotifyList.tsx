import { Button, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, IncidentNotification } from '../../../../common/contract';
import { INCIDENT_LEVEL_NAMES, type IncidentLevel } from '../../../../common/domain/incidents';
import { NOTIFY_CHANNELS, NOTIFY_CHANNEL_NAMES, type NotifyChannel } from '../../../../common/domain/contacts';
import { useBilingual } from '../../i18n/useDisplay';
import { PlanContactLabel } from './PlanContactLabel';

export type PlanContactState = 'none' | 'notified' | 'confirmed';

/** Where a contact stands in this incident: confirmed (any notification confirmed), notified, or not yet. */
export function planContactState(contactId: number, notifications: readonly IncidentNotification[]): PlanContactState {
  const mine = notifications.filter((n) => n.contactId === contactId);
  if (mine.some((n) => n.confirmedAt !== null)) return 'confirmed';
  return mine.length > 0 ? 'notified' : 'none';
}

const STATE_TAG = {
  none: { color: 'default', key: 'incidentPlans.prefill.notNotified' },
  notified: { color: 'blue', key: 'incidentPlans.prefill.notified' },
  confirmed: { color: 'green', key: 'incidentPlans.prefill.confirmed' },
} as const satisfies Record<PlanContactState, { color: string; key: string }>;

/**
 * The plan level's 通知对象, offered first in the notify dialog: each with phone and where they stand
 * (已通知 / 已确认), and one action to record the notification by the channel picked on the row.
 */
export function PlanNotifyList({
  level,
  contactIds,
  known,
  notifications,
  pending,
  onRecord,
}: {
  level: IncidentLevel;
  contactIds: readonly number[];
  known: ReadonlyMap<number, Contact>;
  notifications: readonly IncidentNotification[];
  /** The contact whose notification is being recorded. */
  pending: number | null;
  onRecord: (contactId: number, channel: NotifyChannel) => void;
}) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const [channels, setChannels] = useState<ReadonlyMap<number, NotifyChannel>>(new Map());
  return (
    <div data-testid="plan-notify-list" style={{ marginBottom: 16 }}>
      <Typography.Text strong>
        {t('incidentPlans.prefill.title', { level: pick(INCIDENT_LEVEL_NAMES[level]) })}
      </Typography.Text>
      <List
        size="small"
        dataSource={[...contactIds]}
        locale={{ emptyText: t('incidentPlans.prefill.empty') }}
        renderItem={(id) => {
          const contact = known.get(id);
          const state = planContactState(id, notifications);
          const reachable = contact?.consoleReachable ?? false;
          const channel = channels.get(id) ?? (reachable ? 'console' : 'phone');
          return (
            <List.Item data-testid="plan-notify-row" data-contact-id={id} data-state={state}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap={8} align="center" wrap>
                  <PlanContactLabel id={id} contact={contact} />
                  <Tag color={STATE_TAG[state].color} data-testid="plan-notify-state">
                    {t(STATE_TAG[state].key)}
                  </Tag>
                </Flex>
                {contact && (
                  <Flex gap={8} align="center" wrap>
                    <Segmented<NotifyChannel>
                      size="small"
                      value={channel}
                      options={NOTIFY_CHANNELS.map((c) => ({
                        value: c,
                        label: <span data-testid={`plan-notify-channel-${c}`}>{pick(NOTIFY_CHANNEL_NAMES[c])}</span>,
                        disabled: c === 'console' && !reachable,
                      }))}
                      onChange={(c) => {
                        setChannels((m) => new Map(m).set(id, c));
                      }}
                    />
                    <Button
                      size="small"
                      type={state === 'none' ? 'primary' : 'default'}
                      loading={pending === id}
                      disabled={pending !== null && pending !== id}
                      data-testid="plan-notify-record"
                      onClick={() => {
                        onRecord(id, channel);
                      }}
                    >
                      {t('incidentPlans.prefill.record')}
                    </Button>
                  </Flex>
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
    </div>
  );
}
