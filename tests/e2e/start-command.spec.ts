import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('npm start without an Electron runtime says so in one line and serves the console', async ({ page }, info) => {
  const port = 18_900 + info.workerIndex * 3 + (process.pid % 3);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-start-'));
  // An empty Electron dist: "not installed", whatever this machine has.
  const noElectron = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-no-electron-'));
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--skip-build', '--port', String(port), '--data-dir', dataDir],
    {
      cwd: ROOT,
      // Without the demo history (main/services/demo): this spec is about the start command, and its
      // 20 s for the console URL are not meant to include seeding 60 days of orders on a loaded machine.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron, CITYOPS_DEMO_HISTORY: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await expect.poll(() => output, { timeout: 20_000 }).toContain(`http://127.0.0.1:${port}/`);
    const notices = output.split('\n').filter((l) => l.includes('Electron runtime not installed'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('未安装 Electron 运行时');
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('login-username').fill('chief');
    await page.getByTestId('login-password').fill('Demo#2026');
    await page.getByTestId('login-submit').click();
    // The first screen after sign-in on a loaded machine (the shared CI box): a generous wait.
    await expect(page.getByTestId('status-bar')).toContainText('平台值班长', { timeout: 30_000 });
    await expect(page.getByTestId('nav-org')).toContainText('组织');
  } finally {
    child.kill('SIGTERM');
  }
});
