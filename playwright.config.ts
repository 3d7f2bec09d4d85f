import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it is installed (this workplace, CI); Playwright's own browser elsewhere.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

const MEDIA_SPECS = /(wall|wall-rtsp|wall-demo-rtc|wall-faulty|wall-alarm|wall-loss|webrtc-engine)\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // CI runs one browser at a time: on two cores a second browser beside the multi-page roster and
  // orders specs made clicks time out; alone each passes. Locally two workers keep it quick.
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    // As an operating system set to reduce motion: the console's dialogs, drawers and dropdowns open
    // in 10 ms instead of 100–300 ms (renderer/src/app/useReducedMotion.ts). On two busy cores every
    // animation was waited for — Playwright clicks only a settled element, and a dialog's OK button
    // only once its zoom is over — in every step of every spec.
    reducedMotion: 'reduce',
    // A stuck click fails in seconds with its reason, instead of eating the whole test timeout.
    actionTimeout: 15_000,
    screenshot: 'only-on-failure',
    // A trace records every action's DOM and a screencast of every page: on this CPU-bound suite
    // that doubled a sign-in's time. CI retries a failed test once, with a trace; locally, ask
    // for one when a test fails: `npx playwright test <spec> --trace retain-on-failure`.
    trace: 'on-first-retry',
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
  // Live video decodes in software on two cores: the media specs (the wall, RTSP cameras through the
  // gateway, the WebRTC engine with its 1080p source) run after the rest and one at a time, so their
  // timing checks measure the video and not a neighbour — and the console specs never share the CPU
  // with a video encoder.
  projects: [
    { name: 'console', testIgnore: MEDIA_SPECS },
    { name: 'wall', testMatch: MEDIA_SPECS, dependencies: ['console'], workers: 1 },
  ],
});
