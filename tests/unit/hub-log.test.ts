import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, resolveConfig } from '../../main/config';
import { printOnScreenOnly, redactLogText, teeConsole } from '../../main/logging/console-tee';
import { HUB_LOG_FILE, HubLog, type HubLogPolicy, type LogFiles } from '../../main/logging/hub-log';
import { tempDir, testClock } from '../helpers/test-env';

const DAY = 86_400_000;
// 10:00:00 in Shanghai.
const START = Date.UTC(2026, 11, 3, 2, 0, 0);

function hubLog(policy: Partial<HubLogPolicy> = {}, files: Partial<LogFiles> = {}) {
  const dir = path.join(tempDir(), 'logs');
  const clock = testClock(START);
  const errors: unknown[] = [];
  const log = new HubLog({
    dir,
    policy: { maxBytes: 1024 * 1024, keepDays: 14, ...policy },
    clock,
    files,
    onError: (err) => errors.push(err),
  });
  const names = () => fs.readdirSync(dir).sort();
  const read = (name = HUB_LOG_FILE) => fs.readFileSync(path.join(dir, name), 'utf8');
  return { dir, clock, log, errors, names, read };
}

describe('the hub log file', () => {
  it('writes each line with its Shanghai time into logs/hub.log, owner-only', () => {
    const { dir, log, clock, read } = hubLog();
    log.write('INFO [cityops] 控制台地址 / console URL');
    clock.advance(1500);
    log.write('WARN second');
    expect(read()).toBe(
      '2026-12-03T10:00:00+08:00 INFO [cityops] 控制台地址 / console URL\n2026-12-03T10:00:01+08:00 WARN second\n',
    );
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, HUB_LOG_FILE)).mode & 0o777).toBe(0o600);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    }
  });

  it('rotates before the file would grow past the size limit, the rotated file named by its time', () => {
    const { dir, log, clock, names, read } = hubLog({ maxBytes: 200 });
    const line = 'x'.repeat(60);
    for (let i = 0; i < 7; i++) {
      log.write(`${i} ${line}`);
      clock.advance(1000);
    }
    // 26 + 63 bytes a line: two lines a file.
    expect(names()).toEqual([
      'hub-20261203-100002.log',
      'hub-20261203-100004.log',
      'hub-20261203-100006.log',
      'hub.log',
    ]);
    for (const name of names()) expect(fs.statSync(path.join(dir, name)).size).toBeLessThanOrEqual(200);
    expect(read('hub-20261203-100002.log')).toContain('0 x');
    expect(read('hub-20261203-100002.log')).toContain('1 x');
    expect(read()).toContain('6 x');
  });

  it('two rotations in one second keep both files', () => {
    const { log, names } = hubLog({ maxBytes: 100 });
    for (let i = 0; i < 3; i++) log.write('y'.repeat(60));
    expect(names()).toEqual(['hub-20261203-100000-1.log', 'hub-20261203-100000.log', 'hub.log']);
  });

  it('starts a new file when the Shanghai day changes', () => {
    const { log, clock, names, read } = hubLog();
    log.write('today');
    clock.advance(14 * 3_600_000);
    log.write('tomorrow');
    expect(names()).toEqual(['hub-20261204-000000.log', 'hub.log']);
    expect(read()).toContain('tomorrow');
    expect(read()).not.toContain('today');
  });

  it('deletes rotated files older than the kept days, keeping the newer ones', () => {
    const { dir, log, clock, names } = hubLog({ keepDays: 2 });
    // A file from an earlier run and a file that is not the log's: the first is pruned when due, the second never.
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'hub-20261125-080000.log'), 'old');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    log.write('day 0');
    expect(names()).toEqual(['hub.log', 'notes.txt']);
    clock.advance(DAY);
    log.write('day 1');
    clock.advance(DAY);
    log.write('day 2');
    expect(names()).toEqual(['hub-20261204-100000.log', 'hub-20261205-100000.log', 'hub.log', 'notes.txt']);
    clock.advance(DAY + 1);
    log.write('day 3');
    expect(names()).toEqual(['hub-20261205-100000.log', 'hub-20261206-100000.log', 'hub.log', 'notes.txt']);
  });

  it('a failed write never throws: told once, the file tried again a minute later', () => {
    let full = true;
    const write: LogFiles['write'] = (fd, text) => {
      if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      fs.writeSync(fd, text);
    };
    const { log, clock, errors, read } = hubLog({}, { write });
    for (let i = 0; i < 50; i++) expect(() => log.write(`lost ${i}`)).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('ENOSPC');
    full = false;
    clock.advance(30_000);
    log.write('still waiting');
    clock.advance(30_000);
    log.write('back');
    expect(read()).toBe('2026-12-03T10:01:00+08:00 back\n');
    full = true;
    clock.advance(1000);
    log.write('full again');
    expect(errors).toHaveLength(2);
  });

  it('a folder it cannot make, or a report that throws, does not throw either', () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'logs'), 'a file where the folder should be');
    const log = new HubLog({
      dir: path.join(parent, 'logs'),
      policy: { maxBytes: 1000, keepDays: 1 },
      clock: testClock(START),
      onError: () => {
        throw new Error('the report failed too');
      },
    });
    expect(() => log.write('nowhere to go')).not.toThrow();
    expect(() => log.close()).not.toThrow();
  });
});

describe('the hub output copied into the log', () => {
  it('goes on to the console as before, and into the log redacted', () => {
    const printed: string[] = [];
    const target = {
      log: (...args: unknown[]) => printed.push(args.join(' ')),
      info: (...args: unknown[]) => printed.push(args.join(' ')),
      debug: (...args: unknown[]) => printed.push(args.join(' ')),
      warn: (...args: unknown[]) => printed.push(args.join(' ')),
      error: (...args: unknown[]) => printed.push(args.join(' ')),
    } as unknown as Console;
    const lines: string[] = [];
    const untee = teeConsole({ write: (line) => lines.push(line) }, target);
    target.warn('[gateway] rtsp://admin:Pa55word@10.0.0.7:554/main failed');
    target.error('[hub] internal error:', new Error('bad {"password":"hunter2x","name":"张三"}'));
    target.log('[open311] %s', 'POST /open311/v2/requests.json?api_key=k-123456&service_code=01');
    untee();
    target.log('after');
    expect(printed[0]).toContain('Pa55word');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('WARN [gateway] rtsp://***@10.0.0.7:554/main failed');
    expect(lines[1]).toMatch(/^ERROR \[hub\] internal error: Error: bad \{"password":\*\*\*,"name":"张三"\}/);
    expect(lines[2]).toBe('INFO [open311] POST /open311/v2/requests.json?api_key=***&service_code=01');
    expect(lines.join('\n')).not.toMatch(/Pa55word|hunter2x|k-123456/);
  });

  it('masks values after secret-looking keys, and leaves other text alone', () => {
    expect(redactLogText('token=abc.def password: s3cret! Authorization: Bearer eyJhbGci')).toBe(
      'token=*** password: *** Authorization: ***',
    );
    expect(redactLogText('{ secretKey: \'x9\', apiKey="k" }')).toBe('{ secretKey: ***, apiKey=*** }');
    expect(redactLogText('备份完成 / backup written: cityops-20261203-030000.sqlite')).toBe(
      '备份完成 / backup written: cityops-20261203-030000.sqlite',
    );
  });

  it('a password shown once on screen never reaches the log', () => {
    const lines: string[] = [];
    const untee = teeConsole({ write: (line) => lines.push(line) });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      printOnScreenOnly('initial admin password (shown once): Xy7#kLm2');
      expect(out).toHaveBeenCalledWith('initial admin password (shown once): Xy7#kLm2\n');
    } finally {
      out.mockRestore();
      untee();
    }
    expect(lines).toEqual([]);
  });
});

describe('the log settings', () => {
  it('default to 10 MB and 14 days; bad values are refused in both languages', () => {
    expect(resolveConfig([], {}).log).toEqual({ maxBytes: 10 * 1024 * 1024, keepDays: 14 });
    expect(resolveConfig([], { CITYOPS_LOG_MAX_MB: '2', CITYOPS_LOG_KEEP_DAYS: '90' }).log).toEqual({
      maxBytes: 2 * 1024 * 1024,
      keepDays: 90,
    });
    for (const env of [
      { CITYOPS_LOG_MAX_MB: '0' },
      { CITYOPS_LOG_KEEP_DAYS: 'two weeks' },
      { CITYOPS_LOG_MAX_MB: '2048' },
    ]) {
      expect(() => resolveConfig([], env)).toThrow(ConfigError);
      expect(() => resolveConfig([], env)).toThrow(/须为 .* must be a whole number/);
    }
  });
});
