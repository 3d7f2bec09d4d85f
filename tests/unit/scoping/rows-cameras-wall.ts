// The scoping matrix's rows (checked by matrix.ts) for cameras, the video wall, the camera gateway and the demo
// stream control.
import { cameraWrite } from './inputs';
import type { Row } from './matrix';

export const CAMERA_WALL_ROWS: Row[] = [
  // Cameras: shared reference data for every camera-viewing role; viewing records are personal.
  {
    method: 'cameras.get',
    covers: ['id'],
    other: () => ({ id: 'CAM-8999' }),
    center: () => ({ id: `CAM-"'<script>` }),
    owner: (w) => ({ as: 'station', input: { id: w.camera } }),
  },
  {
    method: 'cameras.viewStart',
    covers: ['cameraId'],
    other: () => ({ cameraId: 'CAM-8999' }),
    center: () => ({ cameraId: "x' OR '1'='1" }),
    owner: (w) => ({ as: 'station', input: { cameraId: w.camera } }),
  },
  {
    method: 'cameras.viewEnd',
    covers: ['viewId'],
    other: (w) => ({ viewId: w.cameraViews.s2 }),
    center: (w) => ({ viewId: w.cameraViews.center }),
    owner: (w) => ({ as: 'chief', input: { viewId: w.cameraViews.center } }),
  },
  {
    // The video-loss alarm's 确认: on the shared registry, like cameras.get.
    method: 'wall.lossAlarms.ack',
    covers: ['cameraId'],
    other: () => ({ cameraId: 'CAM-8999', stream: 'main' }),
    center: () => ({ cameraId: `CAM-"'<script>`, stream: 'sub' }),
    owner: (w) => ({ as: 'station', input: { cameraId: w.camera, stream: 'sub' } }),
  },
  ...(['cameras.list', 'cameras.tree', 'cameras.export'] as const).map((method): Row => ({
    method,
    covers: ['filter.stationId'],
    // Not scoped by station (the registry is shared): a station chief gets the same list.
    other: () => ({ filter: { stationId: 'HQ-S2' }, ...(method === 'cameras.export' ? { format: 'csv' } : {}) }),
    center: () => ({ filter: {}, ...(method === 'cameras.export' ? { format: 'csv' } : {}) }),
    denied: method === 'cameras.export' ? 'E_FORBIDDEN' : 'SHARED',
    owner: () => ({
      as: 'admin',
      input: { filter: { stationId: 'HQ-S2' }, ...(method === 'cameras.export' ? { format: 'csv' } : {}) },
    }),
  })),
  ...(['cameras.update', 'cameras.setEnabled', 'cameras.create', 'cameras.delete'] as const).map((method): Row => ({
    method,
    covers: ['id'],
    other: (w) => cameraWrite(method, w.camera),
    center: (w) => cameraWrite(method, w.camera),
    denied: 'E_FORBIDDEN',
    // The new camera is the one deleted: the shared one stays for the wall rows.
    owner: (w) => ({
      as: 'admin',
      input: cameraWrite(method, ['cameras.create', 'cameras.delete'].includes(method) ? 'CAM-9002' : w.camera),
    }),
  })),
  {
    method: 'cameras.viewsReport',
    covers: ['cameraId', 'userId'],
    other: (w) => ({ from: 0, to: 1, cameraId: w.camera, userId: w.users.station2 }),
    center: (w) => ({ from: 0, to: 1, cameraId: w.camera, userId: w.users.chief }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({
      as: 'chief',
      input: { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), cameraId: w.camera },
    }),
  },
  // Wall: personal views and tours are their owner's; windows their user's (and their unit chiefs').
  {
    method: 'wall.views.save',
    covers: ['id'],
    other: (w) => ({ id: w.views.s2, name: '改名', layout: '1', slots: [null] }),
    center: (w) => ({ id: w.views.center, name: '改名', layout: '1', slots: [null] }),
    owner: (w) => ({ as: 'chief', input: { id: w.views.center, name: '中心画面2', layout: '1', slots: [null] } }),
  },
  {
    method: 'wall.tours.save',
    covers: ['id'],
    other: (w) => ({ id: w.tours.s2, name: '改名', mode: 'tile', cameras: [w.camera], dwellSeconds: 10 }),
    center: (w) => ({ id: w.tours.center, name: '改名', mode: 'tile', cameras: [w.camera], dwellSeconds: 10 }),
    owner: (w) => ({
      as: 'chief',
      input: { id: w.tours.center, name: '中心轮巡2', mode: 'tile', cameras: [w.camera], dwellSeconds: 10 },
    }),
  },
  {
    method: 'wall.push',
    covers: ['windowId', 'target.cameraId'],
    other: (w) => ({ windowId: w.windows.s2, target: { kind: 'camera', cameraId: w.camera } }),
    center: (w) => ({ windowId: w.windows.center, target: { kind: 'camera', cameraId: w.camera } }),
    owner: (w) => ({
      as: 'station',
      input: { windowId: w.windows.s1, target: { kind: 'camera', cameraId: w.camera } },
    }),
  },
  {
    method: 'wall.push',
    covers: ['target.viewId', 'target.tourId'],
    other: (w) => ({ windowId: w.windows.s1, target: { kind: 'view', viewId: w.views.s2 } }),
    center: (w) => ({ windowId: w.windows.s1, target: { kind: 'tour', tourId: w.tours.center } }),
    owner: (w) => ({
      as: 'chief',
      input: { windowId: w.windows.center, target: { kind: 'view', viewId: w.views.center } },
    }),
  },
  {
    method: 'wall.windows.setAlarm',
    covers: ['windowId'],
    other: (w) => ({ windowId: w.windows.s2, alarm: false }),
    center: (w) => ({ windowId: w.windows.center, alarm: false }),
    owner: (w) => ({ as: 'station', input: { windowId: w.windows.s1, alarm: true } }),
  },
  {
    method: 'wall.alarm.ack',
    covers: ['alarmId'],
    other: (w) => ({ alarmId: w.alarms.s2 }),
    center: (w) => ({ alarmId: w.alarms.center }),
    owner: (w) => ({ as: 'station', input: { alarmId: w.alarms.s1 } }),
  },
  ...(['wall.views.delete', 'wall.tours.delete'] as const).map((method): Row => ({
    method,
    covers: ['id'],
    other: (w) => ({ id: method === 'wall.views.delete' ? w.views.s2 : w.tours.s2 }),
    center: (w) => ({ id: method === 'wall.views.delete' ? w.views.center : w.tours.center }),
    owner: (w) => ({ as: 'station2', input: { id: method === 'wall.views.delete' ? w.views.s2 : w.tours.s2 } }),
  })),
  // The camera gateway: cameras are shared like cameras.get; transports and consumers
  // belong to the connection that made them (the engine is asked with the caller's connection as
  // owner). This hub runs no WebRTC engine, so those calls are refused as a conflict for everyone.
  ...(['media.open', 'media.release'] as const).map((method): Row => ({
    method,
    covers: ['cameraId'],
    other: () => ({ cameraId: 'CAM-8999', stream: 'main' }),
    center: () => ({ cameraId: "x' OR '1'='1", stream: 'sub' }),
    owner: (w) => ({ as: 'station', input: { cameraId: w.camera, stream: 'main' } }),
  })),
  {
    method: 'media.rtc.consume',
    covers: ['cameraId', 'transportId'],
    other: () => ({ transportId: 'transport-of-another', cameraId: 'CAM-8999', stream: 'main', rtpCapabilities: {} }),
    center: () => ({ transportId: 'x', cameraId: `CAM-"'<script>`, stream: 'main', rtpCapabilities: {} }),
    owner: (w) => ({
      as: 'station',
      input: { transportId: 'own', cameraId: w.camera, stream: 'main', rtpCapabilities: {} },
    }),
    ownerMayFail: true,
  },
  {
    method: 'media.rtc.connect',
    covers: ['transportId'],
    other: () => ({ transportId: 'transport-of-another', dtlsParameters: {} }),
    center: () => ({ transportId: "x' OR '1'='1", dtlsParameters: {} }),
    denied: ['E_NOT_FOUND', 'E_CONFLICT'],
    owner: () => ({ as: 'station', input: { transportId: 'own', dtlsParameters: {} } }),
    ownerMayFail: true,
  },
  ...(['media.rtc.pause', 'media.rtc.resume', 'media.rtc.closeConsumer'] as const).map((method): Row => ({
    method,
    covers: ['consumerId'],
    other: () => ({ consumerId: 'consumer-of-another' }),
    center: () => ({ consumerId: '../../x' }),
    denied: ['E_NOT_FOUND', 'E_CONFLICT'],
    owner: () => ({ as: 'station', input: { consumerId: 'own' } }),
    ownerMayFail: true,
  })),
  // The demo stream control: administrators and duty chiefs only, and only with the control on (this
  // hub runs without demo media, so the chief's own call is refused as a conflict).
  {
    method: 'demo.setRunning',
    covers: ['cameraId'],
    other: (w) => ({ cameraId: w.camera, running: false }),
    center: () => ({ cameraId: "x' OR '1'='1", running: true }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'chief', input: { cameraId: w.camera, running: false } }),
    ownerMayFail: true,
  },
];
