import { Flex } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { CAMERA_ADMINS } from '../../../common/contract/cameras';
import { useUserFlag } from '../app/useUserFlag';
import { useTranslation } from 'react-i18next';
import { WorkspaceTitle } from '../components/WorkspaceTitle';
import { hasAnyRole, ORDER_INTAKE } from '../orders/roles';
import { usePath } from '../stores/route';
import { useUser } from '../stores/session';
import { useCameraMap } from './cameras/useCameraMap';
import { useWallEvents } from './cameras/useWallEvents';
import type { TileActions } from './grid/CameraTileToolbar';
import { useFullscreen } from './grid/useFullscreen';
import { useWallKeys } from './grid/useWallKeys';
import { LossAlarmCard } from './loss/LossAlarmCard';
import { LossSettingsButton } from './loss/LossSettingsModal';
import { useLossAlarms } from './loss/useLossAlarms';
import { WallGrid } from './grid/WallGrid';
import { PlayerManagerProvider } from './player';
import { SnapshotIntakeDrawer } from './snapshot/SnapshotIntakeDrawer';
import { useSnapshot } from './snapshot/useSnapshot';
import { TreeToggle } from './toolbar/TreeToggle';
import { WallToolbar } from './toolbar/WallToolbar';
import { AlarmFrame } from './takeover/AlarmFrame';
import { IncidentMark } from './takeover/IncidentMark';
import { useTakeover } from './takeover/takeoverStore';
import { useIncidentWall } from './takeover/useIncidentWall';
import { TourBar } from './tours/TourBar';
import { useTourRunner } from './tours/useTourRunner';
import { CameraTree } from './tree/CameraTree';
import { PushModal, type PushPreset } from './window/PushModal';
import { WallWindow } from './window/WallWindow';
import { isWallWindowPath } from './window/windowRoute';
import './wall.css';

/** F11 toggles the wall's own full screen (the wall alone; Esc leaves, as the browser does). */
function useF11(toggle: () => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'F11' || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [toggle]);
}

/** The console's wall: the camera tree beside the grid (foldable), the toolbar above. */
function WallConsole() {
  const { t } = useTranslation();
  const user = useUser();
  const { cameras, loaded } = useCameraMap();
  // The wall's box (grid, marks, the video-loss card): what its full screen shows.
  const [stage, setStage] = useState<HTMLDivElement | null>(null);
  const [fullscreen, toggleFullscreen] = useFullscreen(stage);
  const [treeHidden, setTreeHidden] = useUserFlag('wallTreeHidden');
  useF11(toggleFullscreen);
  useLossAlarms();
  const [push, setPush] = useState<PushPreset | null>(null);
  const snapshot = useSnapshot();
  useWallKeys();
  useTourRunner();
  useTakeover('console');
  useIncidentWall();

  const canTakeIn = hasAnyRole(user.roles, ORDER_INTAKE);
  const actions = useMemo<TileActions>(
    () => ({
      onSnapshot: canTakeIn ? snapshot.snap : undefined,
      onPush: (cameraId) => {
        setPush({ cameraId });
      },
    }),
    [canTakeIn, snapshot.snap],
  );

  return (
    <>
      <WorkspaceTitle
        extra={
          <Flex gap={8} align="center">
            <TreeToggle hidden={treeHidden} onChange={setTreeHidden} />
            {hasAnyRole(user.roles, CAMERA_ADMINS) && <LossSettingsButton />}
            <WallToolbar
              fullscreen={fullscreen}
              onFullscreen={toggleFullscreen}
              onPush={() => {
                setPush({});
              }}
            />
          </Flex>
        }
      >
        {t('wall.title')}
      </WorkspaceTitle>
      <Flex gap={12} style={{ flex: 1, minHeight: 0 }}>
        {!treeHidden && (
          <div style={{ width: 280, flex: 'none', minHeight: 0 }}>
            <CameraTree />
          </div>
        )}
        <Flex vertical gap={6} style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          <TourBar />
          <div ref={setStage} className="wall-stage" style={{ flex: 1, minHeight: 0, position: 'relative' }}>
            <WallGrid cameras={cameras} loaded={loaded} actions={actions} />
            <IncidentMark />
            <AlarmFrame />
            <LossAlarmCard />
          </div>
        </Flex>
      </Flex>
      <SnapshotIntakeDrawer draft={snapshot.draft} onClose={snapshot.close} />
      <PushModal
        preset={push}
        onClose={() => {
          setPush(null);
        }}
      />
    </>
  );
}

/** 视频墙: the console's wall at `#/wall`, or the grid alone in a wall window at `#/wall/window/<n>`. */
export function WallWorkspace() {
  const path = usePath();
  useWallEvents();
  return <PlayerManagerProvider>{isWallWindowPath(path) ? <WallWindow /> : <WallConsole />}</PlayerManagerProvider>;
}
