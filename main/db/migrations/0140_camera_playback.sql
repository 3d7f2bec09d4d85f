-- Per-camera playback: how consoles play the camera, and whether the hub
-- transcodes an H.265 camera to H.264. Existing cameras read 'auto' and no transcoding, which is
-- what they did before this column existed.
--   playback: 'auto' (WebRTC first, HLS when WebRTC has not connected in 5 s), 'webrtc' (WebRTC
--             only, never HLS), 'hls' (HLS only, no WebRTC signalling).
--   transcode: an H.265 stream is decoded and encoded to H.264 at sub-stream size (costs CPU on
--             the hub; set by administrators). H.264 streams are passed through either way.
ALTER TABLE cameras ADD COLUMN playback TEXT NOT NULL DEFAULT 'auto' CHECK (playback IN ('auto', 'webrtc', 'hls'));
ALTER TABLE cameras ADD COLUMN transcode INTEGER NOT NULL DEFAULT 0 CHECK (transcode IN (0, 1));
