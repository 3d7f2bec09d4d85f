import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChiefScoreTable } from '../../../../common/contract';
import { DataTable, type TableData } from '../../stats/charts/DataTable';
import { formatKpi } from '../../../../common/domain/kpi/kpi-format';

type Score = ChiefScoreTable['total'];
type Rate = Score['onTimeFiling'];

/** A rate as "95.0% (19/20)", or "—" without a denominator (never 0 % or 100 %). */
export function formatRate(r: Rate): string {
  return r.value === null ? '—' : `${formatKpi('ratio', r.value)} (${r.numerator}/${r.denominator})`;
}

/** The score with one decimal, or "—". */
export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(1);
}

const cells = (s: Score) => [
  formatRate(s.onTimeFiling),
  formatRate(s.accurateFiling),
  formatRate(s.onTimeClosing),
  formatScore(s.score),
  s.grade ?? '—',
];

const percent = (w: number) => Math.round(w * 1000) / 10;

/**
 * 值班长综合指标: one row per chief who filed or closed orders in the period and the total of the
 * filter's scope, as a plain table (copy and paste, screen readers), with the rules it applies.
 */
export function ChiefScoreCard({ table }: { table: ChiefScoreTable }) {
  const { t } = useTranslation();
  const title = t('dashboard.chief.title');
  const data: TableData = {
    columns: [
      t('dashboard.chief.name'),
      t('dashboard.chief.onTimeFiling'),
      t('dashboard.chief.accurateFiling'),
      t('dashboard.chief.onTimeClosing'),
      t('dashboard.chief.score'),
      t('dashboard.chief.grade'),
    ],
    rows: [...table.rows.map((r) => [r.actor.name, ...cells(r)]), [t('dashboard.chief.total'), ...cells(table.total)]],
  };
  const { weights: w } = table;
  return (
    <Card size="small" title={title} data-testid="dashboard-chief-score" style={{ marginBottom: 12 }}>
      {table.rows.length === 0 && (
        <Typography.Paragraph type="secondary" data-testid="dashboard-chief-empty">
          {t('dashboard.chief.empty')}
        </Typography.Paragraph>
      )}
      <DataTable id="chief" caption={title} table={data} maxHeight={360} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t('dashboard.chief.rule', {
          file: table.fileWithinMinutes,
          close: table.closeWithinMinutes,
          w1: percent(w.onTimeFiling),
          w2: percent(w.accurateFiling),
          w3: percent(w.onTimeClosing),
        })}
      </Typography.Paragraph>
    </Card>
  );
}
