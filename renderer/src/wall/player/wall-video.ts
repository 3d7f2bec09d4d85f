/** A <video> for the wall: muted (so autoplay is allowed), inline, never showing controls. */
export function createWallVideo(key: string): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.defaultMuted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.controls = false;
  video.disablePictureInPicture = true;
  video.disableRemotePlayback = true;
  video.preload = 'auto';
  video.className = 'wall-video';
  video.dataset.playerKey = key;
  return video;
}
