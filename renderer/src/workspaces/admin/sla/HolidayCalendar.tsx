import { Alert, Flex, Select, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../../common/contract';
import { useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { CalendarAddForm } from './CalendarAddForm';
import { useCalendarColumns } from './calendarColumns';
import { useCalendarSet } from './useCalendarSet';

/**
 * The year's exceptions to the Mon–Fri rule (public holidays, weekend days worked); working-time
 * limits count by it. Only administrators change it.
 */
export function HolidayCalendar({ canEdit, initialYear }: { canEdit: boolean; initialYear: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [year, setYear] = useState(initialYear);
  const days = useApiQuery('sla.calendar.list', { year });
  const set = useCalendarSet();
  const columns = useCalendarColumns(canEdit, set);

  const years = [initialYear - 1, initialYear, initialYear + 1, initialYear + 2];
  const rows = [...(days.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text>{t('sla.calendar.year')}</Typography.Text>
        <Select<number>
          value={year}
          style={{ width: 100 }}
          data-testid="sla-calendar-year"
          options={years.map((y) => ({ value: y, label: String(y) }))}
          onChange={setYear}
        />
        <Typography.Text type="secondary">{t('sla.calendar.rule')}</Typography.Text>
      </Flex>
      {canEdit && <CalendarAddForm set={set} year={year} setYear={setYear} />}
      {days.error && <Alert type="error" showIcon title={errorText(days.error)} />}
      <Table<CalendarDay>
        size="small"
        rowKey="date"
        loading={days.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="sla-calendar"
        onRow={(d) =>
          ({ 'data-testid': 'calendar-day', 'data-date': d.date, 'data-kind': d.kind }) as HTMLAttributes<HTMLElement>
        }
        columns={columns}
      />
    </Flex>
  );
}
