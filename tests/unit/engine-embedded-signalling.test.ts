import { describe, expect, it } from 'vitest';
import { answerFor, parseOffer } from '../../main/media/engine/embedded/transport';
import { createEngine, findMediasoupWorker } from '../../main/media/engine/index';

describe('embedded engine: signalling text', () => {
  const offer = [
    'v=0',
    'a=group:BUNDLE 0',
    'm=video 9 UDP/TLS/RTP/SAVPF 102',
    'a=candidate:abc 1 udp 2116026367 127.0.0.1 58201 typ host generation 0 ufrag 66c5',
    'a=end-of-candidates',
    'a=ice-ufrag:66c5',
    'a=ice-pwd:ca7e8ade71eef49d00453e',
    'a=ice-lite',
    'a=fingerprint:sha-256 E1:A7',
    'a=setup:actpass',
    'a=sendonly',
    'a=mid:0',
    'a=ssrc:1 cname:x',
    '',
  ].join('\r\n');

  it("turns werift's offer into mediasoup's transport parameters", () => {
    expect(parseOffer(offer)).toEqual({
      iceParameters: { usernameFragment: '66c5', password: 'ca7e8ade71eef49d00453e', iceLite: true },
      iceCandidates: [
        {
          foundation: 'abc',
          priority: 2116026367,
          address: '127.0.0.1',
          ip: '127.0.0.1',
          protocol: 'udp',
          port: 58201,
          type: 'host',
        },
      ],
      dtlsParameters: { role: 'auto', fingerprints: [{ algorithm: 'sha-256', value: 'E1:A7' }] },
    });
  });

  it("answers werift with the browser's fingerprint and DTLS role, no candidates", () => {
    const answer = answerFor(offer, 'active', 'sha-256 AA:BB');
    expect(answer).toContain('a=fingerprint:sha-256 AA:BB\r\n');
    expect(answer).toContain('a=setup:active\r\n');
    expect(answer).toContain('a=recvonly\r\n');
    expect(answer).not.toMatch(/a=candidate|a=ice-lite|a=ssrc|66c5|a=sendonly/);
    expect(answer).toMatch(/a=ice-ufrag:[0-9a-f]{8}\r\n/);
  });
});

describe('createEngine', () => {
  it('uses the embedded engine and says why mediasoup was not picked', async () => {
    const missing = findMediasoupWorker({ MEDIASOUP_WORKER_BIN: '/nonexistent/mediasoup-worker' });
    expect(missing).toEqual({ reason: 'MEDIASOUP_WORKER_BIN=/nonexistent/mediasoup-worker does not exist' });
    const choice = await createEngine({}, {});
    expect(choice.engine.kind).toBe('embedded');
    expect(choice.reason).toMatch(/^embedded \(werift\): no mediasoup worker — /);
    await choice.engine.close();
  });
});
