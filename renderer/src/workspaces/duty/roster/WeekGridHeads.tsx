import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../../time/dayjs';
import { useDutyNames } from './useDutyNames';

/** A row of the week grid: one shift of the pattern. */
export interface ShiftRow {
  code: string;
  name: string;
  nameEn: string;
  kind: 'duty' | 'standby';
  startsAt: number;
  endsAt: number;
}

/** A row's head: the shift's name (marked when standby) and hours. */
export function ShiftHead({ shift: s }: { shift: ShiftRow }) {
  const { t } = useTranslation();
  const names = useDutyNames();
  return (
    <Flex vertical>
      <span style={{ color: '#e3eaf4' }}>
        {names.name(s)}
        {s.kind === 'standby' && (
          <Tag style={{ marginInlineStart: 6 }} color="purple">
            {t('roster.kind.standby')}
          </Tag>
        )}
      </span>
      <span className="tabular" style={{ fontSize: 12, color: '#8393aa' }}>
        {names.hours(s)}
      </span>
    </Flex>
  );
}

/** A column's head: weekday and date, today highlighted. */
export function DayHead({ date, today }: { date: string; today: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid="roster-day-head" data-date={date} style={date === today ? { color: '#4ea1ff' } : {}}>
      {dayjs(date).format('ddd')} <span className="tabular">{date.slice(5)}</span>
      {date === today && (
        <Tag style={{ marginInlineStart: 6 }} color="blue">
          {t('roster.today')}
        </Tag>
      )}
    </span>
  );
}
