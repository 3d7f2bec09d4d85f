import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../../common/contract';
import { dayjs } from '../../../time/dayjs';
import type { CalendarSet } from './useCalendarSet';

/** The calendar table's columns; the remove column only for those who may edit. */
export function useCalendarColumns(canEdit: boolean, set: CalendarSet): TableColumnsType<CalendarDay> {
  const { t } = useTranslation();
  return [
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
  ];
}
