import path from 'node:path';
import { ConfigError, isLoopback, resolveConfig } from '../config';
import { hubOptionsFrom, openHub } from '../hub';
import { findDemoClipsDir, loadDemoMedia } from '../media';
import { createEngine } from '../media/engine';
import { describeRtcNetwork } from '../media/engine/rtc-network';
import { newKeyRequested } from '../security/at-rest';
import { KeyFileError } from '../security/hub-keys';
import { open311DepsFrom } from './open311-routes';
import { startWebShell } from './server';
import { announceClockMove, testClockFrom, TEST_CLOCK_ENV } from './test-clock';
import { DatabaseUnusableError } from '../db/store-check';
import { printOnScreenOnly, startHubLog } from '../logging/console-tee';

/** `npm run web`: the hub and the web shell in one process, serving consoles in a browser. */
async function main(): Promise<void> {
  const config = resolveConfig(process.argv.slice(2), process.env);
  // The hub's output also goes to <data folder>/logs/hub.log, rotated and redacted (main/logging).
  const stopLog = startHubLog(config.dataDir, config.log);
  // The demo cameras' clips ship with the app; a hub in demo mode serves them (signed paths only).
  const clips = findDemoClipsDir({ moduleDir: import.meta.dirname });
  const demoMedia = clips ? loadDemoMedia(clips, { control: config.demoMediaControl }) : undefined;
  // WebRTC for the camera gateway: mediasoup where a worker exists, else the embedded engine.
  const { engine, reason } = await createEngine({
    network: config.rtc,
    log: (line) => console.log(`[cityops] ${line}`),
  });
  // Tests only (CITYOPS_TEST_CLOCK=1, loopback): a hub clock the e2e tests move instead of sleeping.
  const testClock = testClockFrom(process.env, config.host);
  const hub = await openHub({
    ...hubOptionsFrom(config),
    ...(testClock ? { clock: testClock } : {}),
    demoMedia,
    engine,
    newKey: newKeyRequested(process.argv),
  });
  if (hub.bootstrap.created === 'demo') {
    console.log('[cityops] 演示模式：已创建演示账号（见 README） / demo mode: demo accounts created (see README)');
  }
  if (hub.bootstrap.generatedAdminPassword) {
    // On this screen only: a password never goes into the log file.
    printOnScreenOnly(
      `[cityops] 初始管理员 admin 的密码（只显示这一次，首次登录须修改）/ initial admin password (shown once, change at first sign-in): ${hub.bootstrap.generatedAdminPassword}`,
    );
  }
  const shell = await startWebShell({
    hub,
    host: config.host,
    port: config.port,
    staticDir: path.resolve(import.meta.dirname, '../renderer'),
    maxFrameBytes: config.maxFrameBytes,
    allowedHosts: config.allowedHosts,
    allowedOrigins: config.allowedOrigins,
    wsMaxPerAddress: config.ws.maxPerAddress,
    wsMaxTotal: config.ws.maxTotal,
    signInTimeoutMs: config.ws.signInTimeoutMs,
    open311: open311DepsFrom(hub, { onInternalError: (err) => console.error('[open311] internal error:', err) }),
    testClock: testClock ? { clock: testClock, onMove: () => announceClockMove(hub) } : undefined,
  });
  if (testClock) {
    console.warn(`[cityops] ${TEST_CLOCK_ENV}=1：测试时钟已启用（仅供测试）/ the test clock is on (tests only)`);
  }
  if (!isLoopback(config.host)) {
    console.warn(
      `[cityops] 警告：正在监听 ${config.host}，其他计算机可以连接本中枢 / WARNING: listening on ${config.host}; other machines can reach this hub. Put it behind TLS.`,
    );
  }
  if (config.allowedHosts.length > 0) {
    console.log(`[cityops] 另外允许的主机名 / also answering as: ${config.allowedHosts.join(', ')}`);
  }
  if (config.allowedOrigins.length > 0) {
    console.log(`[cityops] 另外允许的网页来源 / also accepting pages from: ${config.allowedOrigins.join(', ')}`);
  }
  console.log(`[cityops] WebRTC 引擎 / WebRTC engine: ${reason}`);
  console.log(`[cityops] WebRTC 网络 / WebRTC network: ${describeRtcNetwork(config.rtc)}`);
  console.log(`[cityops] 数据目录 / data dir: ${config.dataDir}`);
  console.log(`[cityops] 控制台地址 / console URL: ${shell.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void shell
      .close()
      .then(async () => {
        hub.close();
        await Promise.allSettled([hub.gateway.close(), engine.close()]);
        stopLog();
      })
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`[cityops] 配置错误 / configuration error: ${err.message}`);
  else if (err instanceof KeyFileError) console.error(`[cityops] 密钥文件 / key file: ${err.message}`);
  else if (err instanceof DatabaseUnusableError) console.error(`[cityops] 数据库 / database: ${err.message}`);
  else console.error('[cityops] 启动失败 / failed to start:', err);
  process.exit(1);
});
