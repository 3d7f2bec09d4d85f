/** The frame a <video> shows now, as a JPEG (snapshot → work order). */
export function snapshotVideo(video: HTMLVideoElement, quality = 0.9): Promise<Blob> {
  const { videoWidth: width, videoHeight: height } = video;
  // HAVE_CURRENT_DATA: there is a frame to draw; before it drawImage paints nothing (a black JPEG).
  if (width === 0 || height === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
    return Promise.reject(new Error('no frame to capture yet / 尚无画面'));
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('2D canvas unavailable'));
  // Full resolution of the stream, not the tile's size on screen: the evidence should be sharp.
  context.drawImage(video, 0, 0, width, height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality);
  });
}
