import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRtcSession } from '../player/PlayerManagerContext';

/** Which WebRTC engine the hub uses (media.rtc.capabilities); nothing when it has none. */
export function RtcEngineTag() {
  const { t } = useTranslation();
  const session = useRtcSession();
  const [engine, setEngine] = useState<string | null>(null);
  useEffect(() => {
    if (!session) return;
    let live = true;
    session.engine().then(
      (name) => {
        if (live) setEngine(name);
      },
      () => {
        if (live) setEngine(null);
      },
    );
    return () => {
      live = false;
    };
  }, [session]);
  if (!engine) return null;
  const name =
    engine === 'embedded' ? t('wall.engine.embedded') : engine === 'mediasoup' ? t('wall.engine.mediasoup') : engine;
  return (
    <Tooltip title={t('wall.engine.hint')}>
      <Tag data-testid="wall-rtc-engine" data-engine={engine}>
        {t('wall.engine.label', { name })}
      </Tag>
    </Tooltip>
  );
}
