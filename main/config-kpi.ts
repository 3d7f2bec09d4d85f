import { checkWeights, DEFAULT_CHIEF_WEIGHTS, type ChiefOptions } from '../common/domain/kpi';
import { ConfigError } from './config-error';

/**
 * The 值班长's own step limits, in natural minutes. The assessment names 按时立案 and 按时结案 but
 * sets no minutes (docs/research), so the center sets them: 立案 within 30 min of 受理, 结案 within
 * 60 min of 核查通过 unless configured.
 */
export const DEFAULT_CHIEF_LIMITS = { fileWithinMinutes: 30, closeWithinMinutes: 60 } as const;

/** The settings with nothing configured. */
export const DEFAULT_CHIEF_OPTIONS: ChiefOptions = { ...DEFAULT_CHIEF_LIMITS, weights: DEFAULT_CHIEF_WEIGHTS };

const MAX_MINUTES = 7 * 24 * 60;

function minutes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_MINUTES) {
    const shown = JSON.stringify(raw.slice(0, 40));
    throw new ConfigError(
      `${name} 须为 1 到 ${MAX_MINUTES} 之间的整数（分钟），现为 ${shown} / ` +
        `${name} must be a whole number of minutes from 1 to ${MAX_MINUTES}, got ${shown}`,
    );
  }
  return n;
}

/** CITYOPS_CHIEF_SCORE_WEIGHTS="0.25,0.40,0.35": 按时立案率, 准确立案率, 按时结案率; they must sum to 1. */
function weights(env: NodeJS.ProcessEnv): ChiefOptions['weights'] {
  const raw = (env.CITYOPS_CHIEF_SCORE_WEIGHTS ?? '').trim();
  if (raw === '') return DEFAULT_CHIEF_WEIGHTS;
  const shown = JSON.stringify(raw.slice(0, 60));
  const parts = raw.split(',').map((p) => p.trim());
  const numbers = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  const [onTimeFiling, accurateFiling, onTimeClosing] = numbers;
  if (
    numbers.length !== 3 ||
    onTimeFiling === undefined ||
    accurateFiling === undefined ||
    onTimeClosing === undefined ||
    numbers.some(Number.isNaN)
  ) {
    throw new ConfigError(
      `CITYOPS_CHIEF_SCORE_WEIGHTS 须为三个以逗号分隔的非负数（按时立案率、准确立案率、按时结案率），现为 ${shown} / ` +
        `CITYOPS_CHIEF_SCORE_WEIGHTS must be three comma-separated numbers of at least 0 (on-time filing, accurate filing, on-time closing), got ${shown}`,
    );
  }
  const w = { onTimeFiling, accurateFiling, onTimeClosing };
  try {
    checkWeights(w);
  } catch {
    const sum = Math.round((onTimeFiling + accurateFiling + onTimeClosing) * 1e9) / 1e9;
    throw new ConfigError(
      `CITYOPS_CHIEF_SCORE_WEIGHTS 之和须为 1，现为 ${sum}（${shown}） / ` +
        `CITYOPS_CHIEF_SCORE_WEIGHTS must sum to 1, they sum to ${sum} (${shown})`,
    );
  }
  return w;
}

/** The 值班长 综合指标值's settings: CITYOPS_CHIEF_FILE_MIN, CITYOPS_CHIEF_CLOSE_MIN, CITYOPS_CHIEF_SCORE_WEIGHTS. */
export function chiefScoreConfig(env: NodeJS.ProcessEnv): ChiefOptions {
  return {
    fileWithinMinutes: minutes(env, 'CITYOPS_CHIEF_FILE_MIN', DEFAULT_CHIEF_LIMITS.fileWithinMinutes),
    closeWithinMinutes: minutes(env, 'CITYOPS_CHIEF_CLOSE_MIN', DEFAULT_CHIEF_LIMITS.closeWithinMinutes),
    weights: weights(env),
  };
}
