import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../main/config';
import { defaultAnnouncedAddresses, MIN_RTC_PORTS } from '../../main/media/engine/rtc-network';

describe('WebRTC network settings', () => {
  it('defaults to any port, the machine’s own addresses and UDP only', () => {
    expect(resolveConfig([], {}).rtc).toEqual({ announcedAddresses: [], tcp: false });
  });

  it('reads the port range, announced addresses and TCP from flags, flags over the environment', () => {
    const fromEnv = resolveConfig([], {
      CITYOPS_RTC_PORTS: '40000-40199',
      CITYOPS_RTC_ANNOUNCE: '203.0.113.7, 10.0.0.5',
      CITYOPS_RTC_TCP: '1',
    }).rtc;
    expect(fromEnv).toEqual({ portRange: [40000, 40199], announcedAddresses: ['203.0.113.7', '10.0.0.5'], tcp: true });
    const flags = resolveConfig(
      ['--rtc-ports', '50000-50099', '--rtc-announce', '192.168.1.20', '--rtc-announce', 'fd00::5', '--rtc-tcp'],
      { CITYOPS_RTC_PORTS: '40000-40199', CITYOPS_RTC_ANNOUNCE: '203.0.113.7' },
    ).rtc;
    expect(flags).toEqual({ portRange: [50000, 50099], announcedAddresses: ['192.168.1.20', 'fd00::5'], tcp: true });
  });

  it('rejects bad, reversed, out-of-bounds and too small ranges with the setting’s name', () => {
    const bad = (ports: string): unknown => resolveConfig([], { CITYOPS_RTC_PORTS: ports });
    expect(() => bad('40000')).toThrow(ConfigError);
    expect(() => bad('40000')).toThrow(/CITYOPS_RTC_PORTS: "40000" is not a port range/);
    expect(() => bad('abc-def')).toThrow(/not a port range/);
    expect(() => bad('40199-40000')).toThrow(/reversed \(write 40000-40199\)/);
    expect(() => bad('80-200')).toThrow(/between 1024 and 65535/);
    expect(() => bad('65000-70000')).toThrow(/between 1024 and 65535/);
    expect(() => bad('40000-40003')).toThrow(new RegExp(`holds 4 ports; at least ${MIN_RTC_PORTS}`));
    expect(() => resolveConfig(['--rtc-ports', '1-2'], {})).toThrow(/^--rtc-ports: /);
    expect(() => resolveConfig(['--rtc-ports'], {})).toThrow(/--rtc-ports needs a value/);
    // Exactly the minimum is fine.
    expect(resolveConfig([], { CITYOPS_RTC_PORTS: `40000-${40000 + MIN_RTC_PORTS - 1}` }).rtc.portRange).toEqual([
      40000,
      40000 + MIN_RTC_PORTS - 1,
    ]);
  });

  it('rejects announced addresses that are not IP addresses', () => {
    for (const value of ['hub.example.org', '0.0.0.0', '10.0.0.300', 'http://10.0.0.5', '<script>']) {
      expect(() => resolveConfig(['--rtc-announce', value], {})).toThrow(/--rtc-announce: .* is not an IP address/);
    }
    expect(() => resolveConfig([], { CITYOPS_RTC_ANNOUNCE: '10.0.0.5,::' })).toThrow(/CITYOPS_RTC_ANNOUNCE/);
  });

  it('announces loopback and every external IPv4 interface by default', () => {
    const addresses = defaultAnnouncedAddresses({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null }],
      eth0: [
        { address: '10.0.0.5', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null },
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 1 },
      ],
    });
    expect(addresses).toEqual(['127.0.0.1', '10.0.0.5']);
  });
});
