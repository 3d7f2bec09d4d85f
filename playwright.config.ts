import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it is installed (this workplace, CI); Playwright's own browser elsewhere.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    // A stuck click fails in seconds with its reason, instead of eating the whole test timeout.
    actionTimeout: 15_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Sixteen live tiles decode in software on two cores: the wall runs after the rest, not beside
  // another worker's browser, so its timing checks measure the wall and not the neighbour.
  projects: [
    { name: 'console', testIgnore: /wall(-rtsp)?\.spec\.ts$/ },
    { name: 'wall', testMatch: /wall(-rtsp)?\.spec\.ts$/, dependencies: ['console'] },
  ],
});
