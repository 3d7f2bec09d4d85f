/** Demo cameras over WebRTC: the built-in clips packetized to RTP in the hub. */
export { DemoRtc, type DemoRtcOptions, type DemoStreamRef } from './demo-rtc';
export { DemoFeed } from './feed';
export { H264Packetizer, DEFAULT_MTU } from './packetizer';
export { clipSource, type ClipSource, type ClipPicture } from './clip-source';
export { accessUnit, parseAvcConfig, splitNalUnits, nalType } from './avc';
