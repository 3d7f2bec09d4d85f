import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../common/contract';
import { useDomainSeries, usePerDaySeries, usePerHourSeries } from '../stats/charts/series';
import { BigChart } from './BigChart';

const TWO = { gridTemplateColumns: '1fr 1fr' };

/** Orders per day over the last seven days, and today per hour (the dashboard's line charts). */
export function TrendsPanel({ today, week }: { today: Dashboard; week: Dashboard }) {
  const { t } = useTranslation();
  const perDay = usePerDaySeries(week.perDay);
  const perHour = usePerHourSeries(today.perHour);
  return (
    <div className="bigscreen-grid" style={TWO}>
      <BigChart id="perDay" type="line" title={t('bigscreen.perDayWeek')} chart={perDay} />
      <BigChart id="perHour" type="line" title={t('bigscreen.perHourToday')} chart={perHour} />
    </div>
  );
}

/** Orders by domain today and over the last seven days (the dashboard's bar chart). */
export function DomainsPanel({ today, week }: { today: Dashboard; week: Dashboard }) {
  const { t } = useTranslation();
  const todays = useDomainSeries(today.byDomain);
  const weeks = useDomainSeries(week.byDomain);
  return (
    <div className="bigscreen-grid" style={TWO}>
      <BigChart id="byDomainToday" type="bar" title={t('bigscreen.domainsToday')} chart={todays} />
      <BigChart id="byDomainWeek" type="bar" title={t('bigscreen.domainsWeek')} chart={weeks} />
    </div>
  );
}
