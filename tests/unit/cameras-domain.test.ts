import { describe, expect, it } from 'vitest';
import {
  buildCameraTree,
  mergeSecret,
  parseGbCode,
  readImportFile,
  resolveSecret,
  splitStreamUrl,
  textMatcher,
  validateCamera,
  workstationResolver,
  type SplitUrl,
} from '../../common/domain/cameras';
import { parseCsv, writeCsv } from '../../common/formats/csv';
import { jsonElementLines } from '../../common/domain/cameras/json-lines';

function split(url: string): SplitUrl {
  const r = splitStreamUrl(url);
  if (!r.ok) throw new Error(`${url}: ${r.error.en}`);
  return r.value;
}

describe('GB/T 28181 codes', () => {
  it('accepts a 20-digit camera id and reads its parts', () => {
    const r = parseGbCode('34020000001320000001');
    expect(r).toEqual({
      ok: true,
      value: { region: '34020000', industry: '00', type: 132, network: 0, serial: '000001' },
    });
  });

  it.each([
    ['3402000000132000000', 'gb_length'],
    ['340200000013200000011', 'gb_length'],
    ['3402000000132000000A', 'gb_digits'],
    ['99020000001320000001', 'gb_region'],
    ['34020000002000000001', 'gb_type'],
    ['34020000001100000001', 'gb_type'],
  ])('%s → %s', (code, expected) => {
    const r = parseGbCode(code);
    expect(r.ok ? null : r.error.code).toBe(expected);
  });
});

describe('stream URLs and their credentials', () => {
  it('masks user-info and secret query values, keeps the rest', () => {
    const s = split('rtsp://admin:p@ss$1@10.1.2.3:554/Streaming/Channels/101?transport=tcp&token=abc123');
    expect(s.masked).toBe('rtsp://***@10.1.2.3:554/Streaming/Channels/101?transport=tcp&token=***');
    expect(s.secret).toEqual({ userinfo: 'admin:p@ss$1', params: [['token', 'abc123']] });
    expect(s.scheme).toBe('rtsp');
    expect(mergeSecret(s.masked, s.secret)).toBe(
      'rtsp://admin:p@ss$1@10.1.2.3:554/Streaming/Channels/101?transport=tcp&token=abc123',
    );
  });

  it('takes out a password holding / or @ whole rather than leaving it in the path', () => {
    const s = split('rtsp://admin:ab/12@x@10.0.0.7:554/h264/ch1/main');
    expect(s.masked).toBe('rtsp://***@10.0.0.7:554/h264/ch1/main');
    expect(mergeSecret(s.masked, s.secret)).toBe('rtsp://admin:ab/12@x@10.0.0.7:554/h264/ch1/main');
  });

  it('leaves a URL without credentials alone', () => {
    const s = split('http://127.0.0.1:8787/media/cam01/sub.m3u8');
    expect(s.masked).toBe('http://127.0.0.1:8787/media/cam01/sub.m3u8');
    expect(s.secret).toBeNull();
    expect(split('/media/cam01/index.m3u8?sig=xyz').masked).toBe('/media/cam01/index.m3u8?sig=***');
  });

  it('refuses what is not a URL', () => {
    for (const bad of ['', 'not a url', 'rtsp://', 'rtsp://host:70000/x', 'http://ho st/x', '//host/x']) {
      expect(splitStreamUrl(bad).ok, bad).toBe(false);
    }
  });

  it('*** keeps the stored credential; *** with nothing stored is an error', () => {
    const stored = split('https://u:secret@cams.example/live.m3u8?token=t1').secret;
    const typed = split('https://***@cams.example/other.m3u8?token=***').secret;
    expect(resolveSecret(typed, stored, 'mainUrl')).toEqual({
      ok: true,
      value: { userinfo: 'u:secret', params: [['token', 't1']] },
    });
    const r = resolveSecret(typed, null, 'mainUrl');
    expect(r.ok ? null : r.error.code).toBe('masked_unknown');
    // A newly typed password replaces the stored one.
    const retyped = split('https://u:new@cams.example/live.m3u8').secret;
    expect(resolveSecret(retyped, stored, 'mainUrl')).toEqual({ ok: true, value: { userinfo: 'u:new', params: [] } });
  });
});

describe('camera row validation', () => {
  const resolve = workstationResolver(
    [
      { id: 'HQ-W-CL02', name: '海塘村' },
      { id: 'HQ-W-X1', name: '同名村' },
      { id: 'HQ-W-X2', name: '同名村' },
    ],
    { byName: true },
  );
  const good = {
    name: '海塘村路口',
    workstation: '海塘村',
    mainUrl: 'rtsp://10.0.0.1/main',
    subUrl: 'rtsp://10.0.0.1/sub',
  };

  it('normalises a good row and infers the protocol', () => {
    const r = validateCamera({ ...good, tags: [' 路口 ', '路口', '治安'] }, resolve);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.draft).toMatchObject({
      workstationId: 'HQ-W-CL02',
      protocol: 'rtsp',
      tags: ['路口', '治安'],
      enabled: true,
    });
  });

  it('reports every problem of a row at once', () => {
    const r = validateCamera(
      { id: 'bad id!', name: '', code: '123', workstation: '不存在村', mainUrl: 'http://x/live', protocol: 'rtmp' },
      resolve,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'id:invalid_id',
      'name:required',
      'code:gb_length',
      'workstation:unknown_workstation',
      'protocol:invalid_protocol',
    ]);
    for (const e of r.errors) expect(e.zh.length * e.en.length).toBeGreaterThan(0);
  });

  it('checks the URL against the protocol and refuses an ambiguous workstation name', () => {
    const r = validateCamera({ ...good, workstation: '同名村', protocol: 'hls' }, resolve);
    expect(r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'workstation:ambiguous_workstation',
      'mainUrl:url_protocol_mismatch',
      'subUrl:url_protocol_mismatch',
    ]);
  });
});

describe('CSV', () => {
  it('reads quoted commas, quotes and line breaks, and knows where each record starts', () => {
    const text = '\ufeffa,b\r\n"x,1","say ""hi"""\r\n\r\n"two\nlines",z\nlast,1';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x,1', 'say "hi"'] },
      { line: 4, fields: ['two\nlines', 'z'] },
      { line: 6, fields: ['last', '1'] },
    ]);
  });

  it('flags broken quoting on its record', () => {
    const [, bad] = parseCsv('a,b\n"open,1\n');
    expect(bad?.error?.en).toMatch(/Unterminated/);
    expect(parseCsv('a\n"x"y\n')[1]?.error?.en).toMatch(/closing quote/);
  });

  it('writes what it reads (BOM, quoting, defused formulas)', () => {
    const text = writeCsv(['名称', 'x'], [['=1+1', 'a,"b"\nc']]);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(parseCsv(text)[1]?.fields).toEqual(["'=1+1", 'a,"b"\nc']);
  });
});

describe('reading an import file', () => {
  it('takes Chinese headers, BOM, quoted newlines, and reports file line numbers', () => {
    const csv = [
      '\ufeff编号,名称,编码,工作站,主码流,子码流,协议,标签,启用',
      'CAM-0101,"海塘村',
      '东口",34020000001320000001,海塘村,rtsp://a:b@10.0.0.1/m,,rtsp,路口;治安、夜间,是',
      '',
      'CAM-0102,勤昌村,,HQ-W-CL04,http://x/live.m3u8,,,,否',
    ].join('\r\n');
    const file = readImportFile('csv', csv);
    expect(file.fileErrors).toEqual([]);
    expect(file.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(file.rows[0]?.input).toMatchObject({
      id: 'CAM-0101',
      name: '海塘村\r\n东口',
      tags: ['路口', '治安', '夜间'],
      enabled: true,
    });
    expect(file.rows[1]?.input).toMatchObject({ workstation: 'HQ-W-CL04', enabled: false });
  });

  it('accepts English headers in any order and refuses unknown or missing columns', () => {
    const ok = readImportFile('csv', 'Main URL,workstation,name\nhttp://h/a.m3u8,海塘村,东口');
    expect(ok.rows[0]?.input).toMatchObject({ mainUrl: 'http://h/a.m3u8', workstation: '海塘村', name: '东口' });
    expect([...(ok.rows[0]?.present ?? [])].sort()).toEqual(['mainUrl', 'name', 'workstation']);
    const bad = readImportFile('csv', '名称,工作站,备注\nx,y,z');
    expect(bad.rows).toEqual([]);
    expect(bad.fileErrors[0]?.errors.map((e) => e.code)).toEqual(['unknown_column', 'missing_column']);
  });

  it('reads JSON as exported, with the line of each camera', () => {
    const json = `{
  "format": "cityops-cameras",
  "cameras": [
    {
      "id": "CAM-1",
      "name": "a",
      "tags": ["x", "y"],
      "enabled": false
    },
    { "名称": "b", "工作站": "海塘村", "主码流": "rtsp://h/x", "code": 34020000001320000001 }
  ],
  "other": [1, 2]
}`;
    const file = readImportFile('json', json);
    expect(file.rows.map((r) => r.line)).toEqual([4, 10]);
    expect(file.rows[0]?.input).toMatchObject({ id: 'CAM-1', tags: ['x', 'y'], enabled: false });
    // A 20-digit number has lost digits in JSON: refused, not stored wrong.
    expect(file.rows[1]?.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['code:invalid_type']);
    expect(jsonElementLines('[1,\n2,\n\n"a,b"]')).toEqual([1, 2, 4]);
  });

  it('points a JSON syntax error at its line', () => {
    const file = readImportFile('json', '[\n  {"name": "a"},\n  {"name": }\n]');
    expect(file.fileErrors[0]?.line).toBe(3);
    expect(file.fileErrors[0]?.errors[0]?.code).toBe('parse_error');
  });
});

describe('camera tree and search', () => {
  const units = [
    { id: 'S1', kind: 'station', name: '第一联勤站', parentId: null, stationId: null },
    { id: 'G1', kind: 'grid', name: '合庆责任网格', parentId: null, stationId: 'S1' },
    { id: 'G2', kind: 'grid', name: '蔡路责任网格', parentId: null, stationId: null },
    { id: 'W1', kind: 'workstation', name: '向东村', parentId: 'G1', stationId: null },
    { id: 'W2', kind: 'workstation', name: '前哨村', parentId: 'G1', stationId: null },
    { id: 'W3', kind: 'workstation', name: '海塘村', parentId: 'G2', stationId: null },
  ];
  const cam = (id: string, workstationId: string, online: 'online' | 'offline' | 'unknown', enabled = true) => ({
    id,
    workstationId,
    online,
    enabled,
  });

  it('groups grid → station area → workstation with counts, and keeps loose cameras', () => {
    const tree = buildCameraTree(
      units,
      [cam('a', 'W1', 'online'), cam('b', 'W1', 'offline', false), cam('c', 'W3', 'unknown'), cam('d', 'W9', 'online')],
      { includeEmpty: false },
    );
    expect(tree.counts).toEqual({ total: 4, enabled: 3, online: 2, offline: 1 });
    expect(tree.grids.map((g) => [g.id, g.stations.map((s) => s.name), g.counts.total])).toEqual([
      ['G1', ['第一联勤站'], 2],
      ['G2', [null], 1],
    ]);
    expect(tree.grids[0]?.stations[0]?.workstations.map((w) => [w.id, w.counts])).toEqual([
      ['W1', { total: 2, enabled: 1, online: 1, offline: 1 }],
    ]);
    expect(tree.unplaced.map((c) => c.id)).toEqual(['d']);
    const full = buildCameraTree(units, [], { includeEmpty: true });
    expect(full.grids.flatMap((g) => g.stations.flatMap((s) => s.workstations.map((w) => w.id)))).toEqual([
      'W1',
      'W2',
      'W3',
    ]);
  });

  it('matches every term, Chinese or not, full-width or not', () => {
    const match = textMatcher('海塘  ＣＡＭ-00');
    expect(match?.('CAM-0012 海塘村东口')).toBe(true);
    expect(match?.('CAM-0012 勤昌村')).toBe(false);
    expect(textMatcher('村')?.('海塘村')).toBe(true);
    expect(textMatcher('   ')).toBeNull();
  });
});
