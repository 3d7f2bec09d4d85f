import type { Bilingual } from '../../../common/contract';

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOENT']);

/** Why a report could not be written, without a path (it goes into the duty log). */
export function reportFailureReason(err: unknown): Bilingual {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (code === 'ENOSPC') return { zh: '报表文件夹磁盘空间不足', en: 'the disk of the reports folder is full' };
  if (UNWRITABLE.has(code)) {
    return {
      zh: '报表文件夹不可写（只读、无权限或不是文件夹）',
      en: 'the reports folder is not writable (read-only, no permission, or not a folder)',
    };
  }
  const tag = code === '' ? '' : ` (${code})`;
  return { zh: `生成出错${tag}，详见中枢输出`, en: `generation failed${tag}; see the hub's output` };
}
