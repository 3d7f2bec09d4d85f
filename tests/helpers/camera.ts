import type { Camera } from '../../common/contract';

/** A camera as the UI sees it: an HLS stream at one workstation, outside any station; `patch` sets the rest. */
export function camera(patch: Partial<Camera> = {}): Camera {
  return {
    id: 'cam-1',
    name: '一号',
    code: null,
    workstationId: 'ws',
    workstationName: '工作站',
    gridId: null,
    gridName: null,
    stationId: null,
    stationName: null,
    mainUrl: 'http://media.example/cam1/main.m3u8',
    subUrl: null,
    mainHasCredentials: false,
    subHasCredentials: false,
    protocol: 'hls',
    tags: [],
    enabled: true,
    playback: 'auto',
    transcode: false,
    online: 'unknown',
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  };
}
