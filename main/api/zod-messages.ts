import type { z } from 'zod';

/**
 * zod's own texts are English (and its zh-CN locale says "期望 string <=3 字符"), so the Chinese
 * side of an E_INVALID is written here from the issue's code and limits, in an operator's words.
 * Custom refinements give theirs as `params: { zh }`.
 */

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
  null: '空值',
};

const FORMAT_NAMES: Record<string, string> = {
  email: '电子邮件地址',
  url: '网址',
  uuid: 'UUID',
  regex: '规定格式',
  datetime: '日期时间',
  date: '日期',
  time: '时间',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  starts_with: '规定开头',
  ends_with: '规定结尾',
  includes: '规定内容',
};

const typeName = (t: unknown) => (typeof t === 'string' ? (TYPE_NAMES[t] ?? t) : '正确类型');

function sizeLimit(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, big: boolean): string {
  const n = Number(big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum);
  const exclusive = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      if (!big && n <= 1) return '不能为空';
      return big ? `最多 ${exclusive ? n - 1 : n} 个字符` : `至少 ${exclusive ? n + 1 : n} 个字符`;
    case 'array':
    case 'set':
      if (!big && n <= 1) return '至少选择一项';
      return big ? `最多 ${exclusive ? n - 1 : n} 项` : `至少 ${exclusive ? n + 1 : n} 项`;
    default:
      return big ? `不能${exclusive ? '大于或等于' : '大于'} ${n}` : `不能${exclusive ? '小于或等于' : '小于'} ${n}`;
  }
}

/** The Chinese text of one issue. Custom refinements already carry the text their author wrote. */
export function zodIssueZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 keeps the received type only in its English message.
      return /received undefined$/.test(issue.message) ? '必填' : `应为${typeName(issue.expected)}`;
    case 'too_big':
      return sizeLimit(issue, true);
    case 'too_small':
      return sizeLimit(issue, false);
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'invalid_format':
      return `格式不正确（应为${FORMAT_NAMES[issue.format] ?? '规定格式'}）`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `含有未知的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '取值无效';
    case 'custom':
      // A refinement gives its Chinese text as params.zh; its English one is the message.
      return typeof issue.params?.zh === 'string' ? issue.params.zh : '输入无效';
    default:
      return '输入无效';
  }
}
