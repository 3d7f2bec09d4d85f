import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto, RosterShiftDto, RosterWeek } from '../../../../../common/contract';
import { dayjs } from '../../../time/dayjs';
import { PersonChip } from './PersonChip';
import { postName, useDutyNames } from './useDutyNames';

interface ShiftRow {
  code: string;
  name: string;
  nameEn: string;
  kind: 'duty' | 'standby';
  startsAt: number;
  endsAt: number;
}

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
  const names = useDutyNames();
  const rows = useMemo(() => shiftRows(week), [week]);

  const cell = (shift: RosterShiftDto | undefined) => {
    if (!shift) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
    const hasChief = shift.assignments.some((a) => a.postCode === chiefPost);
    return (
      <Flex vertical gap={2} style={{ minHeight: 44 }}>
        {shift.assignments.map((a) => (
          <PersonChip key={a.id} entry={a} postLabel={postName(pattern.posts, a.postCode, names.name)} />
        ))}
        {!hasChief && shift.kind === 'duty' && (
          <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="roster-no-chief">
            <WarningOutlined /> {t('roster.week.noChief', { post: postName(pattern.posts, chiefPost, names.name) })}
          </Typography.Text>
        )}
        {editable && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <PlusOutlined /> {t('roster.week.edit')}
          </Typography.Text>
        )}
      </Flex>
    );
  };

  const columns: ColumnsType<ShiftRow> = [
    {
      key: 'shift',
      title: t('roster.week.shift'),
      width: 130,
      fixed: 'left',
      render: (_, s) => (
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
      ),
    },
    ...week.days.map((day) => ({
      key: day.date,
      title: (
        <span data-testid="roster-day-head" data-date={day.date} style={day.date === today ? { color: '#4ea1ff' } : {}}>
          {dayjs(day.date).format('ddd')} <span className="tabular">{day.date.slice(5)}</span>
          {day.date === today && (
            <Tag style={{ marginInlineStart: 6 }} color="blue">
              {t('roster.today')}
            </Tag>
          )}
        </span>
      ),
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
      render: (_: unknown, s: ShiftRow) => cell(day.shifts.find((x) => x.code === s.code)),
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
