import { MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** 静音 / 取消静音 for this window's alarm sound; the window remembers it (alarmSettings). */
export function AlarmMuteButton({ muted, onToggle, testId }: { muted: boolean; onToggle: () => void; testId: string }) {
  const { t } = useTranslation();
  const label = muted ? t('wallAlarm.sound.unmute') : t('wallAlarm.sound.mute');
  return (
    <Tooltip title={muted ? t('wallAlarm.sound.muted') : t('wallAlarm.sound.hint')}>
      <Button
        size="small"
        icon={muted ? <MutedOutlined /> : <SoundOutlined />}
        aria-label={label}
        aria-pressed={muted}
        data-testid={testId}
        data-muted={muted ? 'true' : 'false'}
        onClick={onToggle}
      >
        {label}
      </Button>
    </Tooltip>
  );
}
