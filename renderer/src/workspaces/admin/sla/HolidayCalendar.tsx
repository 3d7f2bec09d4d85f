import { DeleteOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { dayjs } from '../../../time/dayjs';

type Kind = CalendarDay['kind'];

/**
 * The year's exceptions to the Mon–Fri rule (public holidays, weekend days worked); working-time
 * limits count by it. Only administrators change it.
 */
export function HolidayCalendar({ canEdit, initialYear }: { canEdit: boolean; initialYear: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [year, setYear] = useState(initialYear);
  const days = useApiQuery('sla.calendar.list', { year });
  const [date, setDate] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<Kind>('holiday');
  const [name, setName] = useState('');
  const set = useApiMutation('sla.calendar.set', {
    invalidates: ['sla.calendar.list'],
    onSuccess: () => {
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      void message.error(errorText(error));
    },
  });

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
      {canEdit && (
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
      )}
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
        columns={[
          {
            key: 'date',
            title: t('sla.calendar.date'),
            dataIndex: 'date',
            width: 130,
            render: (d: string) => <span className="tabular">{d}</span>,
          },
          {
            key: 'weekday',
            title: t('sla.calendar.weekday'),
            width: 90,
            render: (_, d) => dayjs(d.date).format('dddd'),
          },
          {
            key: 'kind',
            title: t('sla.calendar.kind'),
            width: 120,
            render: (_, d) =>
              d.kind === 'holiday' ? (
                <Tag color="red">{t('sla.calendar.holiday')}</Tag>
              ) : (
                <Tag color="blue">{t('sla.calendar.workday')}</Tag>
              ),
          },
          { key: 'name', title: t('sla.calendar.name'), dataIndex: 'name' },
          ...(canEdit
            ? [
                {
                  key: 'remove',
                  title: t('common.actions'),
                  width: 90,
                  render: (_: unknown, d: CalendarDay) => (
                    <Popconfirm
                      title={t('sla.calendar.removeConfirm', { date: d.date })}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => {
                        set.mutate({ date: d.date, kind: 'normal', name: '' });
                      }}
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="calendar-remove">
                        {t('sla.calendar.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
