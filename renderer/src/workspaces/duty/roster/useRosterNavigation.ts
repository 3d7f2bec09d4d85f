import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mondayOf } from '../../../../../common/domain/duty/shift-calendar';
import { addDays, addMonths, yearMonthOf } from './dates';
import type { RosterView } from './RosterToolbar';

/** Week or month view, the day it shows (`anchor`), stepping by a week or a month, and its label. */
export function useRosterNavigation(today: string) {
  const { t } = useTranslation();
  const [view, setView] = useState<RosterView>('week');
  const [anchor, setAnchor] = useState(today);
  const monday = mondayOf(anchor);
  const { year, month } = yearMonthOf(anchor);
  const rangeLabel =
    view === 'week'
      ? t('roster.weekLabel', { from: monday, to: addDays(monday, 6).slice(5) })
      : t('roster.monthLabel', { year, month });
  const step = (direction: number) => {
    setAnchor(view === 'week' ? addDays(anchor, 7 * direction) : addMonths(anchor, direction));
  };
  const goToday = () => {
    setAnchor(today);
  };
  /** From the month view: the week of the day clicked. */
  const openDay = (date: string) => {
    setAnchor(date);
    setView('week');
  };
  return { view, setView, anchor, monday, rangeLabel, step, goToday, openDay };
}
