import { describe, expect, it } from 'vitest';
import { sniff } from '../../main/services/attachments/sniff';
import { isoBmff, PNG_1x1, wav, WEBM } from '../helpers/attachment-samples';

describe('attachment type sniffing (by content)', () => {
  it('recognises the accepted formats from their first bytes', () => {
    const bytes = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex');
    const ascii = (s: string) => Buffer.from(s, 'latin1');
    expect(sniff(bytes('ffd8ffe000104a464946'))).toEqual({ mime: 'image/jpeg', kind: 'image' });
    expect(sniff(PNG_1x1)).toEqual({ mime: 'image/png', kind: 'image' });
    expect(sniff(ascii('GIF89a\x01\x00\x01\x00'))).toEqual({ mime: 'image/gif', kind: 'image' });
    expect(sniff(ascii('RIFF\x24\x00\x00\x00WEBPVP8 '))).toEqual({ mime: 'image/webp', kind: 'image' });
    expect(sniff(wav(4))).toEqual({ mime: 'audio/wav', kind: 'audio' });
    expect(sniff(isoBmff('isom'))).toEqual({ mime: 'video/mp4', kind: 'video' });
    expect(sniff(isoBmff('qt  '))).toEqual({ mime: 'video/quicktime', kind: 'video' });
    expect(sniff(isoBmff('M4A '))).toEqual({ mime: 'audio/mp4', kind: 'audio' });
    expect(sniff(WEBM)).toEqual({ mime: 'video/webm', kind: 'video' });
    expect(sniff(ascii('ID3\x04\x00\x00\x00\x00\x00\x00'))).toEqual({ mime: 'audio/mpeg', kind: 'audio' });
    expect(sniff(bytes('fffb9064'))).toEqual({ mime: 'audio/mpeg', kind: 'audio' }); // MPEG-1 layer III, 128k
    expect(sniff(bytes('fff15080'))).toEqual({ mime: 'audio/aac', kind: 'audio' }); // ADTS, 44.1 kHz
    expect(sniff(ascii('OggS\x00\x02\x00\x00'))).toEqual({ mime: 'audio/ogg', kind: 'audio' });
  });

  it('refuses everything else, whatever it might be called', () => {
    const ascii = (s: string) => Buffer.from(s, 'latin1');
    expect(sniff(ascii('hello, this is not a picture\n'))).toBeNull();
    expect(sniff(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniff(ascii('%PDF-1.7\n'))).toBeNull();
    expect(sniff(ascii('PK\x03\x04'))).toBeNull();
    expect(sniff(ascii('RIFF\x24\x00\x00\x00AVI LIST'))).toBeNull();
    expect(sniff(isoBmff('heic'))).toBeNull(); // an HEIF photo is not a video
    expect(sniff(Buffer.from('fffffff0', 'hex'))).toBeNull(); // sync bits but reserved fields
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });
});
