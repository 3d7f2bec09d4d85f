import { fieldError, type Checked } from './errors';

/**
 * GB/T 28181 device ids (2016 edition, appendix D): 20 digits =
 * center code (province 2 · city 2 · county 2 · basic unit 2) + industry 2 + type 3 + network 1 + serial 6.
 * e.g. 31011500 00 132 6 000001 — Pudong, an IP camera (132) on the government network (6).
 */
export interface GbCode {
  region: string;
  industry: string;
  type: number;
  network: number;
  serial: string;
}

/** First two digits of a Chinese administrative division code (GB/T 2260). */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

/**
 * Type codes a camera channel can carry: 111–130 front-end main devices (DVR, encoder, NVR…, whose
 * channels some platforms number under the device type) and 131–199 front-end peripherals
 * (131 camera, 132 IP camera). 200+ are platform servers, users and extensions: never a camera.
 */
const CAMERA_TYPES = { min: 111, max: 199 };

export function parseGbCode(raw: string, field = 'code'): Checked<GbCode> {
  const code = raw.trim();
  if (!/^\d*$/.test(code)) {
    return {
      ok: false,
      error: fieldError(field, 'gb_digits', '国标编码只能包含数字', 'A GB/T 28181 code has digits only'),
    };
  }
  if (code.length !== 20) {
    return {
      ok: false,
      error: fieldError(
        field,
        'gb_length',
        `国标编码应为 20 位数字（现为 ${code.length} 位）`,
        `A GB/T 28181 code has 20 digits (this one has ${code.length})`,
      ),
    };
  }
  const region = code.slice(0, 8);
  if (!PROVINCES.has(code.slice(0, 2))) {
    return {
      ok: false,
      error: fieldError(
        field,
        'gb_region',
        `国标编码前 2 位 ${code.slice(0, 2)} 不是有效的省级行政区划代码`,
        `The first two digits ${code.slice(0, 2)} are not a province code`,
      ),
    };
  }
  const type = Number(code.slice(10, 13));
  if (type < CAMERA_TYPES.min || type > CAMERA_TYPES.max) {
    return {
      ok: false,
      error: fieldError(
        field,
        'gb_type',
        `国标编码第 11–13 位类型码 ${code.slice(10, 13)} 不是前端设备（应为 111–199，如摄像机 131、网络摄像机 132）`,
        `Type code ${code.slice(10, 13)} (digits 11–13) is not a front-end device (111–199, e.g. 131 camera, 132 IP camera)`,
      ),
    };
  }
  return {
    ok: true,
    value: { region, industry: code.slice(8, 10), type, network: Number(code.slice(13, 14)), serial: code.slice(14) },
  };
}
