import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../main/config';
import { chiefScoreConfig, DEFAULT_CHIEF_OPTIONS } from '../../main/config-kpi';

// CITYOPS_CHIEF_SCORE_WEIGHTS / CITYOPS_CHIEF_FILE_MIN / CITYOPS_CHIEF_CLOSE_MIN, checked at start.

describe('the 值班长 综合指标值 settings', () => {
  it('defaults to 25/40/35, 立案 within 30 and 结案 within 60 minutes', () => {
    expect(resolveConfig([], {}).chiefScore).toEqual(DEFAULT_CHIEF_OPTIONS);
    expect(DEFAULT_CHIEF_OPTIONS).toEqual({
      fileWithinMinutes: 30,
      closeWithinMinutes: 60,
      weights: { onTimeFiling: 0.25, accurateFiling: 0.4, onTimeClosing: 0.35 },
    });
  });

  it('takes weights and minutes from the environment', () => {
    const env = { CITYOPS_CHIEF_SCORE_WEIGHTS: ' 0.2, 0.5 ,0.3 ', CITYOPS_CHIEF_FILE_MIN: '15' };
    expect(resolveConfig([], env).chiefScore).toEqual({
      fileWithinMinutes: 15,
      closeWithinMinutes: 60,
      weights: { onTimeFiling: 0.2, accurateFiling: 0.5, onTimeClosing: 0.3 },
    });
  });

  it('refuses weights that do not sum to 1, in Chinese and English', () => {
    const env = { CITYOPS_CHIEF_SCORE_WEIGHTS: '0.5,0.5,0.5' };
    expect(() => resolveConfig([], env)).toThrow(ConfigError);
    expect(() => chiefScoreConfig(env)).toThrow(/之和须为 1，现为 1\.5.*must sum to 1, they sum to 1\.5/);
  });

  it('refuses weights that are not three numbers of at least 0, and bad minutes', () => {
    for (const bad of ['0.5,0.5', '0.25,0.4,0.35,0', '-0.25,0.9,0.35', 'a,b,c', '0.25;0.4;0.35', '<script>']) {
      expect(() => chiefScoreConfig({ CITYOPS_CHIEF_SCORE_WEIGHTS: bad }), bad).toThrow(/三个.*three comma-separated/);
    }
    for (const bad of ['0', '-5', '1.5', 'abc', '99999']) {
      expect(() => chiefScoreConfig({ CITYOPS_CHIEF_CLOSE_MIN: bad }), bad).toThrow(
        /CITYOPS_CHIEF_CLOSE_MIN 须为.*must be a whole number of minutes/,
      );
    }
  });
});
