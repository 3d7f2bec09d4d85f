import { describe, expect, it } from 'vitest';
import { csvField, defuseFormula, parseCsv, undefuseFormula, writeCsv } from '../../common/formats/csv';

describe('the one CSV module', () => {
  it('knows the line each record starts on, whatever the line ends and however wide the characters', () => {
    // A CRLF inside quotes is one line (csv-parse's own counter takes it for two); CR, LF and CRLF mix.
    const text = '名称,备注\r\n"海塘村\r\n东口",一\r\n\r\n勤昌村,"二\n行"\n末行,x\r尾,y';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['名称', '备注'] },
      { line: 2, fields: ['海塘村\r\n东口', '一'] },
      { line: 5, fields: ['勤昌村', '二\n行'] },
      { line: 7, fields: ['末行', 'x'] },
      { line: 8, fields: ['尾', 'y'] },
    ]);
  });

  it('keeps records of any width, for the importer to judge', () => {
    expect(parseCsv('a,b,c\n1\n1,2,3,4\n').map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('reports broken quoting once, on the line of its record, and keeps the records before it', () => {
    const records = parseCsv('a,b\n1,2\n"x"y,3\nz,4\n');
    expect(records.slice(0, 2).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(records[2]).toMatchObject({ line: 3, fields: [], error: { en: 'Characters after a closing quote' } });
    expect(records.filter((r) => r.error)).toHaveLength(1);
    const open = parseCsv('a\n\n"never closed\n');
    expect(open[1]).toMatchObject({ line: 3, error: { zh: '引号未闭合（到文件末尾）' } });
  });

  it('round-trips hostile text: quotes, separators, line breaks, control characters, formulas', () => {
    const hostile = ["=cmd|' /C calc'!A0", '+1', '-2', '@SUM(A1)', '\t=1', 'a,"b"\nc', ' 前后空格 ', '\u0007铃'];
    const file = writeCsv(
      ['x'],
      hostile.map((h) => [h]),
    );
    expect(file.startsWith('\ufeff')).toBe(true);
    expect(file.endsWith('\r\n')).toBe(true);
    const read = parseCsv(file)
      .slice(1)
      .map((r) => undefuseFormula(r.fields[0] ?? ''));
    expect(read).toEqual(hostile);
    // In the file itself every formula-looking cell starts with an apostrophe.
    expect(parseCsv(file)[1]?.fields[0]).toBe("'=cmd|' /C calc'!A0");
  });

  it('writes numbers and empty cells plainly', () => {
    expect(
      writeCsv(
        ['n', 'e'],
        [
          [3, null],
          [Number.NaN, 0],
        ],
      ),
    ).toBe('\ufeffn,e\r\n3,\r\n,0\r\n');
    expect(csvField('-2')).toBe("'-2");
    expect(defuseFormula('普通文字')).toBe('普通文字');
    expect(undefuseFormula("'普通")).toBe("'普通");
  });
});
