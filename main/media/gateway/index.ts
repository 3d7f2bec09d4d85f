/** The camera gateway: ingests per camera stream, signed media paths. */
export {
  CameraGateway,
  LIVE_DIR,
  cameraDirName,
  producerKey,
  type GatewayCameras,
  type GatewayListener,
  type GatewayOptions,
  type OpenedStream,
} from './camera-gateway';
export { playbackAnswer, type PlaybackAnswer, type PlaybackFacts } from './playback-answer';
export { mediaSessionCheck } from './session-check';
export { routeSignedMedia, type SignedRouteDeps } from './signed-routes';
export {
  SIGNED_MEDIA_BASE,
  demoScope,
  extScope,
  liveScope,
  signMediaToken,
  signedMediaPath,
  verifyMediaToken,
  type MediaGrant,
} from './signed-url';
