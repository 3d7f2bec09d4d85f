import { useCallback, useEffect, useState } from 'react';
import { useApiQuery } from '../../api';
import { useTranslation } from 'react-i18next';
import { usePath } from '../../stores/route';
import { useCameraMap } from '../cameras/useCameraMap';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import type { TileActions } from '../grid/CameraTileToolbar';
import { useFullscreen } from '../grid/useFullscreen';
import { useWallKeys } from '../grid/useWallKeys';
import { WallGrid } from '../grid/WallGrid';
import { LossAlarmCard } from '../loss/LossAlarmCard';
import { useLossAlarms } from '../loss/useLossAlarms';
import { TourBar } from '../tours/TourBar';
import { useTourRunner } from '../tours/useTourRunner';
import { AlarmFrame } from '../takeover/AlarmFrame';
import { AlarmMuteButton } from '../takeover/AlarmMuteButton';
import { readAlarmSettings, writeAlarmSettings, type AlarmSettings } from '../takeover/alarmSettings';
import { AlarmWindowControls } from '../takeover/AlarmWindowControls';
import { IncidentMark } from '../takeover/IncidentMark';
import { useTakeover } from '../takeover/takeoverStore';
import { useIncidentWall } from '../takeover/useIncidentWall';
import { useAlarmSound } from '../takeover/useAlarmSound';
import { useWallAlarms } from '../takeover/useWallAlarms';
import { useWallPushes } from './useWallPushes';
import { BigScreenOrWall, useBigScreenShown } from './WindowBigScreen';
import { WindowFullscreenButton } from './WindowButtons';
import { useWallWindowRegistration } from './useWallWindowRegistration';
import { wallWindowNumber } from './windowRoute';

const NO_ACTIONS: TileActions = {};

/**
 * A wall window: only the grid, over the whole browser window (the console's frame
 * stays underneath, covered), registered with the hub so consoles can push cameras, views and tours
 * to it. Its name, the running tour and a full-screen button show in a corner on hover.
 */
export function WallWindow() {
  const { t } = useTranslation();
  const path = usePath();
  const n = wallWindowNumber(path);
  const name = t('wall.window.name', { n });
  const { cameras, loaded } = useCameraMap();
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const [fullscreen, toggleFullscreen] = useFullscreen(root);
  const [alarmSettings, setAlarmSettings] = useState<AlarmSettings>(() => readAlarmSettings(n));
  const changeAlarmSettings = useCallback(
    (next: AlarmSettings) => {
      writeAlarmSettings(n, next);
      setAlarmSettings(next);
    },
    [n],
  );
  // Read when (re)registering only: toggling the mark must not register the window again.
  const alarmMark = useCallback(() => readAlarmSettings(n).alarm, [n]);
  const alarmLayout = useCallback(() => readAlarmSettings(n).layout, [n]);
  const registration = useWallWindowRegistration(name, alarmMark);
  const windowId = registration.window?.windowId ?? null;
  const errorText = useAnyErrorText();
  // The hub's mark (a chief may set it from a console): listed with this window as `self`.
  const listed = useApiQuery('wall.windows.list', {}, { enabled: windowId !== null });
  const self = listed.data?.rows.find((w) => w.windowId === windowId);
  const marked = self?.alarm ?? registration.window?.alarm ?? false;
  // Keep the hub's mark for the next registration (a reconnect, or this window opened again).
  useEffect(() => {
    if (self && self.alarm !== readAlarmSettings(n).alarm)
      writeAlarmSettings(n, { ...readAlarmSettings(n), alarm: self.alarm });
  }, [self, n]);
  useTakeover(`window-${n}`);
  useWallPushes(windowId);
  useWallAlarms(windowId, alarmLayout, marked);
  useAlarmSound(alarmSettings.muted);
  const sound = {
    muted: alarmSettings.muted,
    onToggle: () => {
      changeAlarmSettings({ ...readAlarmSettings(n), muted: !alarmSettings.muted });
    },
  };
  useIncidentWall();
  useWallKeys();
  useTourRunner();
  // A wall window alarms for its own tiles too: often the one screen in view. Its
  // 静音 (shown while it is marked for alarms) silences this tone as well.
  useLossAlarms(marked && alarmSettings.muted);
  const big = useBigScreenShown(path);

  return (
    <div
      ref={setRoot}
      className="wall-window"
      data-testid="wall-window"
      data-window-id={registration.window?.windowId ?? ''}
      data-window-name={name}
      data-showing={big ? 'bigscreen' : 'wall'}
    >
      <BigScreenOrWall big={big}>
        <WallGrid cameras={cameras} loaded={loaded} actions={NO_ACTIONS} />
        <IncidentMark />
      </BigScreenOrWall>
      <AlarmFrame sound={sound} />
      <LossAlarmCard />
      <div className="wall-window-corner">
        <span data-testid="wall-window-name">
          {registration.error !== null
            ? t('wall.window.registerFailed', { message: errorText(registration.error) })
            : name}
        </span>
        <TourBar />
        <AlarmWindowControls
          windowId={windowId}
          marked={marked}
          settings={alarmSettings}
          onChange={changeAlarmSettings}
        />
        {marked && <AlarmMuteButton muted={sound.muted} onToggle={sound.onToggle} testId="wall-window-alarm-mute" />}
        <WindowFullscreenButton fullscreen={fullscreen} onToggle={toggleFullscreen} />
      </div>
    </div>
  );
}
