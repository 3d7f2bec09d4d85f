/** Demo cameras over live HLS, served through signed paths. See demo-media.ts and media-routes.ts. */
export {
  BROKEN_CAMERA_KEY,
  DEFAULT_EPOCH_MS,
  DEFAULT_WINDOW_SIZE,
  DEMO_MEDIA_BASE,
  DemoMedia,
  loadDemoMedia,
  streamUrl,
  type DemoCamera,
  type DemoMediaOptions,
  type DemoStreamInfo,
} from './demo-media';
export { routeMediaNamespace, type MediaAnswer, type MediaRequest, type MediaResponse } from './media-routes';
export { DEMO_CLIPS_SUBDIR, demoClipsDirCandidates, findDemoClipsDir, type ClipsDirHints } from './clips-dir';
export type { StreamKind } from './demo-manifest';
