import { describe, expect, it } from 'vitest';
import type { DashboardKpis } from '../../common/contract';
import { formatChange, formatKpi, kpiViews } from '../../common/domain/kpi/kpi-format';

// The dashboard's KPI cards: what a value and its change against the previous period read as.

const none = { numerator: 0, denominator: 0, value: null };
function kpis(over: Partial<DashboardKpis> = {}): DashboardKpis {
  return {
    ...{ accepted: 0, filed: 0, closeRate: none, onTimeCloseRate: none, onTimeHandleRate: none },
    ...{ reworkRate: none, returnRate: none, inStationRate: none, supervisions: 0, supervisionReplyRate: none },
    ...{ satisfactionRate: none, handlingTime: { count: 0, averageMs: null, p90Ms: null } },
    ...over,
  };
}

describe('the dashboard’s KPI cards', () => {
  it('show "—" for a ratio without a denominator, never 0 % or 100 %, and no change against it', () => {
    expect(formatKpi('ratio', null)).toBe('—');
    expect(formatChange('ratio', 0.5, null)).toBe('—');
    expect(formatChange('ratio', null, 0.5)).toBe('—');
    expect(formatKpi('ratio', 0)).toBe('0.0%');
    expect(formatKpi('ratio', 2 / 3)).toBe('66.7%');
  });

  it('give changes as signed counts, percentage points and hours', () => {
    expect(formatChange('count', 7, 3)).toBe('+4');
    expect(formatChange('count', 3, 7)).toBe('−4');
    expect(formatChange('count', 3, 3)).toBe('±0');
    expect(formatChange('ratio', 0.75, 0.5)).toBe('+25.0');
    expect(formatChange('hours', 2 * 3_600_000, 3.5 * 3_600_000)).toBe('−1.5');
    expect(formatKpi('hours', 5_400_000)).toBe('1.5');
  });

  it('list every KPI of the period with its previous value, in the README’s order', () => {
    const now = kpis({ accepted: 5, closeRate: { numerator: 1, denominator: 2, value: 0.5 } });
    const before = kpis({ accepted: 3, handlingTime: { count: 1, averageMs: 1000, p90Ms: 1000 } });
    const views = kpiViews(now, before);
    expect(views.map((v) => v.key)).toEqual([
      ...['accepted', 'filed', 'closeRate', 'onTimeCloseRate', 'onTimeHandleRate', 'reworkRate', 'returnRate'],
      ...['inStationRate', 'handlingAverage', 'handlingP90', 'supervisions', 'supervisionReplyRate'],
      'satisfactionRate',
    ]);
    expect(views[0]).toEqual({ key: 'accepted', kind: 'count', value: 5, previous: 3 });
    expect(views[2]).toMatchObject({ key: 'closeRate', value: 0.5, previous: null, numerator: 1, denominator: 2 });
    expect(views[8]).toEqual({ key: 'handlingAverage', kind: 'hours', value: null, previous: 1000 });
  });
});
