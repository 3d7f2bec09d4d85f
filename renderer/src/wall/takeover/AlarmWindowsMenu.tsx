import { AlertOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popover, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api';
import { useAnyErrorText } from '../forms/useAnyErrorText';

/** In the console's wall toolbar: the wall windows this user may push to, each with its 报警窗口 switch. */
export function AlarmWindowsMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useAnyErrorText();
  const windows = useApiQuery('wall.windows.list', {});
  const setAlarm = useApiMutation('wall.windows.setAlarm', {
    invalidates: ['wall.windows.list'],
    onError: (error) => void message.error(t('wall.alarm.setFailed', { message: errorText(error) })),
  });
  const rows = windows.data?.rows ?? [];
  const marked = rows.filter((w) => w.alarm).length;
  const content = (
    <Flex vertical gap={8} style={{ minWidth: 260 }} data-testid="wall-alarm-windows-list">
      <Typography.Text type="secondary">{t('wall.alarm.menuHint')}</Typography.Text>
      {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wall.alarm.none')} />}
      {rows.map((w) => (
        <Flex key={w.windowId} justify="space-between" align="center" gap={12}>
          <span>
            {w.name} · {w.userName}
          </span>
          <Switch
            size="small"
            checked={w.alarm}
            data-testid={`wall-alarm-window-${w.name}`}
            aria-label={`${t('wall.alarm.window')} ${w.name}`}
            onChange={(alarm) => {
              setAlarm.mutate({ windowId: w.windowId, alarm });
            }}
          />
        </Flex>
      ))}
    </Flex>
  );
  return (
    <Popover content={content} title={t('wall.alarm.menu')} trigger="click" placement="bottomRight">
      <Button size="small" icon={<AlertOutlined />} danger={marked > 0} data-testid="wall-alarm-windows">
        {t('wall.alarm.menu')}
        {marked > 0 ? ` ${marked}` : ''}
      </Button>
    </Popover>
  );
}
