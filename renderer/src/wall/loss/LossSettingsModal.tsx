import { AlertOutlined } from '@ant-design/icons';
import { App, Button, InputNumber, Modal, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOSS_ALARM_MAX_DELAY_S, type LossAlarmSetting } from '../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { formatDateTime } from '../../time/dayjs';
import { useAnyErrorText } from '../forms/useAnyErrorText';

/** One grid's row: its switch and delay, saved together. */
function SettingRow({ row }: { row: LossAlarmSetting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useAnyErrorText();
  const [enabled, setEnabled] = useState(row.enabled);
  const [delayS, setDelayS] = useState<number>(row.delayS);
  const save = useApiMutation('wall.lossAlarms.set', {
    invalidates: ['wall.lossAlarms.list'],
    onSuccess: (saved) => void message.success(t('wallLoss.settings.saved', { group: saved.gridName })),
    onError: (error) => void message.error(t('wallLoss.settings.failed', { message: errorText(error) })),
  });
  const changed = enabled !== row.enabled || delayS !== row.delayS;
  return (
    <Space data-testid="wall-loss-setting" data-grid-id={row.gridId}>
      <Switch
        checked={enabled}
        onChange={setEnabled}
        aria-label={`${row.gridName} ${t('wallLoss.settings.enabled')}`}
        data-testid="wall-loss-setting-enabled"
      />
      <InputNumber
        min={0}
        max={LOSS_ALARM_MAX_DELAY_S}
        precision={0}
        value={delayS}
        disabled={!enabled}
        onChange={(v) => {
          setDelayS(v ?? 0);
        }}
        aria-label={`${row.gridName} ${t('wallLoss.settings.delay')}`}
        data-testid="wall-loss-setting-delay"
        style={{ width: 96 }}
      />
      <Button
        size="small"
        type="primary"
        disabled={!changed}
        loading={save.isPending}
        data-testid="wall-loss-setting-save"
        onClick={() => {
          save.mutate({ gridId: row.gridId, enabled, delayS });
        }}
      >
        {t('common.save')}
      </Button>
    </Space>
  );
}

/**
 * Administrators set each camera group's (grid's) video-loss alarm here: on/off and how long a
 * camera stays offline before it alarms. Saved on the hub, audited; every wall
 * takes the new setting at once (cameras.changed).
 */
export function LossSettingsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const list = useApiQuery('wall.lossAlarms.list', {}, { enabled: open });
  return (
    <>
      <Tooltip title={t('wallLoss.settings.open')}>
        <Button
          size="small"
          icon={<AlertOutlined />}
          aria-label={t('wallLoss.settings.open')}
          data-testid="wall-loss-settings"
          onClick={() => {
            setOpen(true);
          }}
        />
      </Tooltip>
      <Modal
        open={open}
        title={t('wallLoss.settings.title')}
        footer={null}
        width={720}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('wallLoss.settings.hint')}</Typography.Paragraph>
        <Table<LossAlarmSetting>
          size="small"
          rowKey="gridId"
          pagination={false}
          loading={list.isPending}
          dataSource={list.data?.rows ?? []}
          columns={[
            { title: t('wallLoss.settings.group'), dataIndex: 'gridName' },
            {
              title: `${t('wallLoss.settings.enabled')} / ${t('wallLoss.settings.delay')}`,
              // Keyed by the saved values: a save (or another administrator's) resets the row's edits.
              render: (_v, row) => <SettingRow key={`${row.enabled}:${row.delayS}`} row={row} />,
            },
            {
              title: t('wallLoss.settings.updated'),
              render: (_v, row) =>
                row.updatedBy && row.updatedAt !== null
                  ? `${row.updatedBy.userName} ${formatDateTime(row.updatedAt)}`
                  : t('wallLoss.settings.defaults', { delay: list.data?.defaults.delayS ?? 0 }),
            },
          ]}
        />
      </Modal>
    </>
  );
}
