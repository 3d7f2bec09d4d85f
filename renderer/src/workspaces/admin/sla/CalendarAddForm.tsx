import { Button, DatePicker, Flex, Input, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../../common/contract';
import type { CalendarSet } from './useCalendarSet';

type Kind = CalendarDay['kind'];

/** Adds one exception day; after saving, the calendar shows the year of the day just added. */
export function CalendarAddForm({
  set,
  year,
  setYear,
}: {
  set: CalendarSet;
  year: number;
  setYear: (year: number) => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<Kind>('holiday');
  const [name, setName] = useState('');
  return (
    <Flex align="center" gap={8} wrap data-testid="calendar-add-form">
      <DatePicker
        value={date}
        onChange={setDate}
        data-testid="calendar-add-date"
        placeholder={t('sla.calendar.date')}
      />
      <Segmented<Kind>
        value={kind}
        onChange={setKind}
        data-testid="calendar-add-kind"
        options={[
          { value: 'holiday', label: t('sla.calendar.holiday') },
          { value: 'workday', label: t('sla.calendar.workday') },
        ]}
      />
      <Input
        value={name}
        maxLength={40}
        style={{ width: 180 }}
        placeholder={t('sla.calendar.namePlaceholder')}
        data-testid="calendar-add-name"
        onChange={(e) => {
          setName(e.target.value);
        }}
      />
      <Button
        type="primary"
        disabled={!date}
        loading={set.isPending}
        data-testid="calendar-add"
        onClick={() => {
          if (!date) return;
          const picked = date.format('YYYY-MM-DD');
          set.mutate(
            { date: picked, kind, name: name.trim() },
            {
              onSuccess: () => {
                setDate(null);
                setName('');
                if (date.year() !== year) setYear(date.year());
              },
            },
          );
        }}
      >
        {t('sla.add')}
      </Button>
    </Flex>
  );
}
