import { Flex } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WorkspaceTitle } from '../components/WorkspaceTitle';
import { hasAnyRole, ORDER_INTAKE } from '../orders/roles';
import { usePath } from '../stores/route';
import { useUser } from '../stores/session';
import { useCameraMap } from './cameras/useCameraMap';
import { useWallEvents } from './cameras/useWallEvents';
import type { TileActions } from './grid/CameraTile';
import { useWallKeys } from './grid/useWallKeys';
import { WallGrid } from './grid/WallGrid';
import { PlayerManagerProvider } from './player';
import { SnapshotIntakeDrawer } from './snapshot/SnapshotIntakeDrawer';
import { useSnapshot } from './snapshot/useSnapshot';
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

/** The console's wall: the camera tree beside the grid, the toolbar above. */
function WallConsole() {
  const { t } = useTranslation();
  const user = useUser();
  const { cameras, loaded } = useCameraMap();
  const [grid, setGrid] = useState<HTMLDivElement | null>(null);
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
          <WallToolbar
            grid={grid}
            onPush={() => {
              setPush({});
            }}
          />
        }
      >
        {t('wall.title')}
      </WorkspaceTitle>
      <Flex gap={12} style={{ flex: 1, minHeight: 0 }}>
        <div style={{ width: 280, flex: 'none', minHeight: 0 }}>
          <CameraTree />
        </div>
        <Flex vertical gap={6} style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          <TourBar />
          <div style={{ flex: 1, minHeight: 0, position: 'relative' }}>
            <WallGrid cameras={cameras} loaded={loaded} actions={actions} gridRef={setGrid} />
            <IncidentMark />
            <AlarmFrame />
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
