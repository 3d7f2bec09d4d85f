import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto, RosterWeek } from '../../../../../common/contract';
import { DayHead, ShiftHead, type ShiftRow } from './WeekGridHeads';
import { WeekCell } from './WeekCell';

export interface WeekGridProps {
  week: RosterWeek;
  pattern: DutyPatternDto;
  chiefPost: string;
  today: string;
  editable: boolean;
  onOpenCell: (date: string, shiftCode: string) => void;
}

/** The shifts of the week in the order the days list them (start time), each code once. */
function shiftRows(week: RosterWeek): ShiftRow[] {
  const rows = new Map<string, ShiftRow>();
  for (const day of week.days) {
    for (const s of day.shifts) {
      if (!rows.has(s.code)) rows.set(s.code, s);
    }
  }
  return [...rows.values()];
}

/** 排班 week view: shifts as rows, Monday–Sunday as columns, the people of each post in a cell. */
export function WeekGrid({ week, pattern, chiefPost, today, editable, onOpenCell }: WeekGridProps) {
  const { t } = useTranslation();
  const rows = useMemo(() => shiftRows(week), [week]);

  const columns: ColumnsType<ShiftRow> = [
    {
      key: 'shift',
      title: t('roster.week.shift'),
      width: 130,
      fixed: 'left',
      render: (_, s) => <ShiftHead shift={s} />,
    },
    ...week.days.map((day) => ({
      key: day.date,
      title: <DayHead date={day.date} today={today} />,
      onCell: (s: ShiftRow) =>
        ({
          'data-testid': 'roster-cell',
          'data-date': day.date,
          'data-shift': s.code,
          style: {
            verticalAlign: 'top',
            cursor: editable ? 'pointer' : undefined,
            background: day.date === today ? 'rgba(78, 161, 255, 0.06)' : undefined,
          },
          onClick: editable
            ? () => {
                onOpenCell(day.date, s.code);
              }
            : undefined,
        }) as HTMLAttributes<HTMLElement>,
      render: (_: unknown, s: ShiftRow) => (
        <WeekCell
          shift={day.shifts.find((x) => x.code === s.code)}
          pattern={pattern}
          chiefPost={chiefPost}
          editable={editable}
        />
      ),
    })),
  ];

  return (
    <div data-testid="roster-week" data-monday={week.monday} data-unit={week.orgUnitId}>
      <Table<ShiftRow>
        size="small"
        bordered
        rowKey="code"
        tableLayout="fixed"
        pagination={false}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1000 }}
      />
    </div>
  );
}
