import path from 'node:path';
import { ConfigError } from './config-error';
import { parseTimeOfDay } from './services/backups/schedule';
import type { ReportSettings } from './services/kpi-reports/report-service';

/** The automatic reports' default Shanghai time. */
const DEFAULT_TIME = '07:00';

/**
 * The KPI reports' settings (main/services/kpi-reports), flags winning over the environment:
 * --reports-dir / CITYOPS_REPORTS_DIR (default `<dataDir>/reports`); --report-time /
 * CITYOPS_REPORT_TIME ('HH:mm' Shanghai time or 'off', default 07:00: the previous day's report
 * daily, the previous week's on Mondays); CITYOPS_REPORT_STATIONS=1: each station's too.
 */
export function reportConfig(values: Record<string, unknown>, env: NodeJS.ProcessEnv, dataDir: string): ReportSettings {
  const flagDir = values['reports-dir'];
  const flagTime = values['report-time'];
  if (flagDir === true || flagDir === '') throw new ConfigError('--reports-dir needs a folder');
  if (flagTime === true || flagTime === '') throw new ConfigError('--report-time needs a time such as 07:00, or off');
  const dir = typeof flagDir === 'string' ? flagDir : env.CITYOPS_REPORTS_DIR || path.join(dataDir, 'reports');
  const [source, rawTime] =
    typeof flagTime === 'string' ? ['--report-time', flagTime] : ['CITYOPS_REPORT_TIME', env.CITYOPS_REPORT_TIME ?? ''];
  const text = rawTime.trim() === '' ? DEFAULT_TIME : rawTime.trim();
  const off = text.toLowerCase() === 'off';
  const dailyAt = off ? null : parseTimeOfDay(text);
  if (!off && dailyAt === null) {
    throw new ConfigError(`${source} must be a Shanghai time such as 07:00 (00:00–23:59), or off; got "${rawTime}"`);
  }
  const stations = (env.CITYOPS_REPORT_STATIONS ?? '').trim();
  if (stations !== '' && stations !== '0' && stations !== '1') {
    throw new ConfigError(`CITYOPS_REPORT_STATIONS must be 1 or 0, got "${stations}"`);
  }
  return { dir: path.resolve(dir), dailyAt, stations: stations === '1' };
}
