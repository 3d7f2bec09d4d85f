import { App, Flex, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COPY_WEEKS } from '../../../../../common/domain/duty/shift-calendar';
import { useApiMutation } from '../../../api';
import { addDays } from './dates';
import { HubErrorAlert } from './HubErrorAlert';

export interface CopyWeekModalProps {
  unitId: string;
  unitName: string;
  /** Monday of the week to copy; null = closed. */
  monday: string | null;
  onClose: () => void;
}

/**
 * 向后复制: repeats a week's roster for the next 1–52 weeks. The hub copies all or nothing, so the
 * confirmation says exactly which dates will be filled, and a refusal lists every conflict.
 */
export function CopyWeekModal({ unitId, unitName, monday, onClose }: CopyWeekModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [weeks, setWeeks] = useState(1);
  const copy = useApiMutation('duty.roster.copyWeek', {
    invalidates: ['duty.roster.week', 'duty.roster.month', 'duty.onDuty'],
    onSuccess: ({ created }) => {
      if (created === 0) void message.info(t('roster.copy.nothing'));
      else void message.success(t('roster.copy.done', { n: created, weeks }));
      onClose();
    },
  });
  const from = monday ?? '';
  return (
    <Modal
      open={monday !== null}
      title={t('roster.copy.title')}
      okText={t('roster.copy.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'copy-week-ok' }}
      confirmLoading={copy.isPending}
      onOk={() => {
        if (monday !== null) copy.mutate({ orgUnitId: unitId, fromMonday: monday, weeks });
      }}
      onCancel={onClose}
      afterClose={() => {
        setWeeks(1);
        copy.reset();
      }}
      destroyOnHidden
    >
      {monday !== null && (
        <Flex vertical gap={12} data-testid="copy-week" data-monday={monday}>
          <Flex align="center" gap={8}>
            <Typography.Text>{t('roster.copy.weeks')}</Typography.Text>
            <InputNumber<number>
              autoFocus
              min={1}
              max={MAX_COPY_WEEKS}
              precision={0}
              value={weeks}
              data-testid="copy-week-count"
              onChange={(v) => {
                setWeeks(v ?? 1);
                copy.reset();
              }}
            />
          </Flex>
          <Typography.Paragraph style={{ margin: 0 }} data-testid="copy-week-summary">
            {t('roster.copy.summary', {
              unit: unitName,
              from,
              to: addDays(from, 6),
              weeks,
              start: addDays(from, 7),
              end: addDays(from, 7 * weeks + 6),
            })}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('roster.copy.allOrNothing')}</Typography.Text>
          <HubErrorAlert error={copy.error} testId="copy-week-error" />
        </Flex>
      )}
    </Modal>
  );
}
