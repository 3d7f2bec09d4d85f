import { Spin } from 'antd';
import type { DutyPatternDto } from '../../../../../common/contract';
import { MonthGrid, type MonthGridProps } from './MonthGrid';
import type { RosterView } from './RosterToolbar';
import { WeekGrid, type WeekGridProps } from './WeekGrid';

/** The week or the month grid; spins only while the first page of a view loads. */
export function RosterGrids({
  view,
  week,
  month,
  pattern,
  loading,
  chiefPost,
  today,
  editable,
  onOpenCell,
  onOpenDay,
}: {
  view: RosterView;
  week: WeekGridProps['week'] | undefined;
  month: MonthGridProps['month'] | undefined;
  pattern: DutyPatternDto | undefined;
  loading: boolean;
  chiefPost: string;
  today: string;
  editable: boolean;
  onOpenCell: (date: string, code: string) => void;
  onOpenDay: (date: string) => void;
}) {
  return (
    <Spin spinning={loading}>
      {view === 'week' && week && pattern && (
        <WeekGrid
          week={week}
          pattern={pattern}
          chiefPost={chiefPost}
          today={today}
          editable={editable}
          onOpenCell={onOpenCell}
        />
      )}
      {view === 'month' && month && (
        <MonthGrid month={month} chiefPost={chiefPost} today={today} onOpenDay={onOpenDay} />
      )}
    </Spin>
  );
}
