import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultDataDir, resolveConfig } from '../../main/config';

describe('configuration', () => {
  it('defaults to loopback, port 8787, demo mode and the per-user data folder', () => {
    const c = resolveConfig([], { XDG_DATA_HOME: '/home/u/.local/share' });
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8787, demo: true, allowRemote: false });
    expect(c.dataDir).toBe(path.resolve('/home/u/.local/share/cityops-console'));
  });

  it('takes flags over environment', () => {
    const c = resolveConfig(['--port', '9001', '--data-dir', '/tmp/x'], {
      CITYOPS_PORT: '9000',
      CITYOPS_DATA_DIR: '/tmp/y',
    });
    expect(c.port).toBe(9001);
    expect(c.dataDir).toBe(path.resolve('/tmp/x'));
  });

  it('turns demo off for --no-demo or an admin password', () => {
    expect(resolveConfig(['--no-demo'], {}).demo).toBe(false);
    expect(resolveConfig([], { CITYOPS_ADMIN_PASSWORD: 'Secret#123' }).demo).toBe(false);
  });

  it('refuses a non-loopback address unless asked explicitly', () => {
    expect(() => resolveConfig(['--host', '0.0.0.0'], {})).toThrow(ConfigError);
    expect(resolveConfig(['--host', '0.0.0.0', '--allow-remote'], {}).host).toBe('0.0.0.0');
  });

  it('rejects nonsense numbers with the name of the setting', () => {
    expect(() => resolveConfig(['--port', 'abc'], {})).toThrow(/port/);
    expect(() => resolveConfig([], { CITYOPS_SESSION_HOURS: '-1' })).toThrow(/CITYOPS_SESSION_HOURS/);
  });

  it('reads the allowed origins and host names from repeated flags or comma lists', () => {
    expect(resolveConfig([], {})).toMatchObject({ allowedOrigins: [], allowedHosts: [] });
    const fromEnv = resolveConfig([], {
      CITYOPS_ALLOWED_ORIGINS: 'https://Ops.Example.org, http://10.0.0.5:8787/',
      CITYOPS_ALLOWED_HOSTS: 'Console.Example.org,10.0.0.5,[fe80::1]',
    });
    expect(fromEnv.allowedOrigins).toEqual(['https://ops.example.org', 'http://10.0.0.5:8787']);
    expect(fromEnv.allowedHosts).toEqual(['console.example.org', '10.0.0.5', '[fe80::1]']);
    const fromFlags = resolveConfig(
      ['--allowed-origin', 'https://a.example', '--allowed-origin', 'https://b.example', '--allowed-host', 'hub.lan'],
      { CITYOPS_ALLOWED_ORIGINS: 'https://c.example' },
    );
    expect(fromFlags.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(fromFlags.allowedHosts).toEqual(['hub.lan']);
  });

  it('rejects allowed origins and host names that are not one', () => {
    for (const bad of [
      'example.org',
      'https://example.org/console',
      'ftp://example.org',
      'https://u:p@example.org',
      '*',
    ]) {
      expect(() => resolveConfig(['--allowed-origin', bad], {}), bad).toThrow(ConfigError);
    }
    expect(() => resolveConfig([], { CITYOPS_ALLOWED_ORIGINS: 'null' })).toThrow(/CITYOPS_ALLOWED_ORIGINS: "null"/);
    for (const bad of ['hub.lan:8787', 'http://hub.lan', 'hub lan', '*.example.org', 'hub.lan/x']) {
      expect(() => resolveConfig(['--allowed-host', bad], {}), bad).toThrow(/--allowed-host: .* is not a host name/);
    }
    expect(() => resolveConfig(['--allowed-host'], {})).toThrow(/--allowed-host needs a value/);
  });

  it('uses the OS app-data folder on Windows and macOS', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('cityops-console');
    expect(defaultDataDir({}, 'darwin')).toContain(path.join('Library', 'Application Support'));
  });
});
