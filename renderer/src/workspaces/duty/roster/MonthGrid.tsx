import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterMonth } from '../../../../../common/contract';
import { dayjs } from '../../../time/dayjs';
import { useDutyNames } from './useDutyNames';

export interface MonthGridProps {
  month: RosterMonth;
  chiefPost: string;
  today: string;
  /** Opens the week of a day (where its posts are edited). */
  onOpenDay: (date: string) => void;
}

const CELL_BORDER = '1px solid #1f3150';

/**
 * 排班 month view: whole Monday–Sunday weeks; per day each shift with its chief (or a warning that
 * none is rostered) and how many people it has. A click opens that day's week.
 */
export function MonthGrid({ month, chiefPost, today, onOpenDay }: MonthGridProps) {
  const { t } = useTranslation();
  const names = useDutyNames();
  const firstWeek = month.weeks[0] ?? [];
  return (
    <div
      data-testid="roster-month"
      data-month={`${month.year}-${String(month.month).padStart(2, '0')}`}
      data-unit={month.orgUnitId}
      style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', border: CELL_BORDER }}
    >
      {firstWeek.map((d, i) => (
        <div
          key={`head-${i}`}
          style={{ padding: '4px 8px', borderBottom: CELL_BORDER, color: '#8393aa', background: '#0b1628' }}
        >
          {dayjs(d.date).format('dddd')}
        </div>
      ))}
      {month.weeks.flat().map((day) => (
        <div
          key={day.date}
          role="button"
          tabIndex={0}
          data-testid="roster-month-day"
          data-date={day.date}
          data-in-month={day.inMonth}
          onClick={() => {
            onOpenDay(day.date);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') onOpenDay(day.date);
          }}
          style={{
            minHeight: 92,
            padding: '4px 8px',
            borderTop: CELL_BORDER,
            borderInlineStart: day.weekday === 1 ? undefined : CELL_BORDER,
            cursor: 'pointer',
            opacity: day.inMonth ? 1 : 0.45,
            background: day.date === today ? 'rgba(78, 161, 255, 0.08)' : undefined,
          }}
        >
          <div className="tabular" style={{ color: day.date === today ? '#4ea1ff' : '#e3eaf4', fontWeight: 600 }}>
            {Number(day.date.slice(8))}
            {day.date === today && <span style={{ fontWeight: 400, marginInlineStart: 6 }}>{t('roster.today')}</span>}
          </div>
          <Flex vertical gap={0}>
            {day.shifts.map((s) => {
              const chief = s.assignments.find((a) => a.postCode === chiefPost);
              return (
                <Typography.Text
                  key={s.code}
                  ellipsis
                  style={{ fontSize: 12 }}
                  data-testid="roster-month-shift"
                  data-shift={s.code}
                  data-chief={chief?.userId ?? ''}
                >
                  <span style={{ color: '#8393aa' }}>{names.name(s)}</span>{' '}
                  {chief ? (
                    <span style={{ color: '#e3eaf4' }}>{chief.userName}</span>
                  ) : (
                    <span style={{ color: s.kind === 'duty' ? '#d59b3a' : '#6b7a90' }}>
                      {t('roster.month.noChief')}
                    </span>
                  )}
                  {s.assignments.length > 0 && (
                    <span style={{ color: '#6b7a90' }}> · {t('roster.month.people', { n: s.assignments.length })}</span>
                  )}
                </Typography.Text>
              );
            })}
          </Flex>
        </div>
      ))}
    </div>
  );
}
