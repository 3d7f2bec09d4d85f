import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import { printOnScreenOnly } from '../logging/console-tee';
import type { BootstrapResult } from '../services/users/bootstrap';

/**
 * First-run notices. The web shell prints these on its terminal; a desktop user has none, so the
 * console that created the hub shows them once in a dialog (and on stdout, like the web shell).
 */
export async function showBootstrapNotice(win: BrowserWindow, bootstrap: BootstrapResult): Promise<void> {
  if (bootstrap.created === 'demo') {
    console.log('[cityops] 演示模式：已创建演示账号（见 README） / demo mode: demo accounts created (see README)');
    return;
  }
  const password = bootstrap.generatedAdminPassword;
  if (password === undefined) return;
  // On stdout only: a password never goes into the hub's log file.
  printOnScreenOnly(
    `[cityops] 初始管理员 admin 的密码（只显示这一次，首次登录须修改）/ initial admin password (shown once, change at first sign-in): ${password}`,
  );
  try {
    await dialog.showMessageBox(win, {
      type: 'info',
      title: '合庆城运',
      message: '已创建管理员账号 admin / Administrator account created',
      detail:
        `初始密码（只显示这一次，首次登录须修改）：\n${password}\n\n` +
        `Initial password (shown once; you must change it at first sign-in):\n${password}`,
      buttons: ['我已记下 / I have noted it'],
      noLink: true,
    });
  } catch (error) {
    console.error('[shell-electron] could not show the bootstrap notice', error);
  }
}
