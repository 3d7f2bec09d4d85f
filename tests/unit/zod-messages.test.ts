import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssueZh } from '../../main/api/zod-messages';

function zhOf(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues.map(zodIssueZh);
}

describe('Chinese texts for schema failures', () => {
  it('says what a field needs in an operator’s words, with its limits', () => {
    const schema = z
      .object({
        kind: z.enum(['call', 'note']),
        title: z.string().min(1).max(3),
        note: z.string().min(5),
        count: z.number().int().min(1).max(9),
        ids: z.array(z.number()).min(1).max(2),
        name: z.string(),
        mail: z.email(),
        step: z.number().multipleOf(5),
        code: z.string().regex(/^\d+$/),
      })
      .strict();
    const zh = zhOf(schema, {
      kind: 'walk',
      title: '',
      note: 'abc',
      count: 1.5,
      ids: [],
      mail: 'x',
      step: 7,
      code: 'a',
      extra: 1,
    });
    expect(zh).toEqual([
      '取值不在允许范围内',
      '不能为空',
      '至少 5 个字符',
      '应为整数',
      '至少选择一项',
      '必填',
      '格式不正确（应为电子邮件地址）',
      '应为 5 的倍数',
      '格式不正确（应为规定格式）',
      '含有未知的字段：extra',
    ]);
    expect(zhOf(schema.shape.title, 'abcd')).toEqual(['最多 3 个字符']);
    expect(zhOf(schema.shape.count, 10)).toEqual(['不能大于 9']);
    expect(zhOf(schema.shape.count, 'x')).toEqual(['应为数字']);
    expect(zhOf(schema.shape.ids, [1, 2, 3])).toEqual(['最多 2 项']);
    expect(zhOf(z.number().gt(0), 0)).toEqual(['不能小于或等于 0']);
  });

  it('takes a refinement’s Chinese text from params.zh, else says the input is invalid', () => {
    const withZh = z.string().refine((s) => s === 'a', { error: 'must be a', params: { zh: '只能是 a' } });
    expect(zhOf(withZh, 'b')).toEqual(['只能是 a']);
    expect(
      zhOf(
        z.string().refine((s) => s === 'a', { error: 'must be a' }),
        'b',
      ),
    ).toEqual(['输入无效']);
  });
});
