import { keepPreviousData } from '@tanstack/react-query';
import { Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../../../../common/contract';
import { CHIEF_POST } from '../../../../../common/domain/duty/roster';
import { mondayOf } from '../../../../../common/domain/duty/shift-calendar';
import { useApiQuery } from '../../../api';
import { useUser } from '../../../stores/session';
import { useNow } from '../../../time/useNow';
import { CopyWeekModal } from './CopyWeekModal';
import { addDays, addMonths, todayInShanghai, yearMonthOf } from './dates';
import { HubErrorAlert } from './HubErrorAlert';
import { MonthGrid } from './MonthGrid';
import { PatternDrawer } from './PatternDrawer';
import { RosterToolbar, type RosterView } from './RosterToolbar';
import { ShiftEditorModal } from './ShiftEditorModal';
import { useDutyChanged } from './useDutyChanged';
import { useRosterAccess } from './useRosterAccess';
import { WeekGrid } from './WeekGrid';

/** What this tab shows and must refetch when any console changes a roster, pattern or check-in. */
const WATCHED: readonly MethodName[] = [
  'duty.roster.week',
  'duty.roster.month',
  'duty.pattern.get',
  'duty.roster.people',
];

/**
 * 排班: the roster of the center or a joint-duty station by week or by month. Everyone sees it
 * (station users only their own station's); duty chiefs edit the center's and station chiefs their
 * station's — click a shift to put people on posts, copy a week forward, change the shift pattern.
 */
export function RosterTab({ orgUnitId }: { orgUnitId?: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const access = useRosterAccess();
  const today = todayInShanghai(useNow(60_000));
  const [picked, setPicked] = useState<string | undefined>(orgUnitId);
  const [view, setView] = useState<RosterView>('week');
  const [anchor, setAnchor] = useState(today);
  const [editing, setEditing] = useState<{ date: string; code: string } | null>(null);
  const [copying, setCopying] = useState<string | null>(null);
  const [patternOpen, setPatternOpen] = useState(false);
  useDutyChanged(WATCHED);

  const own = access.units.find((u) => u.id === user.orgUnitId);
  const unit = access.units.find((u) => u.id === picked) ?? own ?? access.units[0];
  const unitId = unit?.id ?? '';
  const { year, month } = yearMonthOf(anchor);
  const pattern = useApiQuery('duty.pattern.get', { orgUnitId: unitId }, { enabled: unit !== undefined });
  const week = useApiQuery(
    'duty.roster.week',
    { orgUnitId: unitId, date: anchor },
    { enabled: unit !== undefined && view === 'week', placeholderData: keepPreviousData },
  );
  const monthQuery = useApiQuery(
    'duty.roster.month',
    { orgUnitId: unitId, year, month },
    { enabled: unit !== undefined && view === 'month', placeholderData: keepPreviousData },
  );

  if (access.loading) return <Spin />;
  if (!unit) return <Typography.Text type="secondary">{t('roster.noUnit')}</Typography.Text>;

  const editable = access.canEditRoster(unit.id);
  const monday = mondayOf(anchor);
  const chiefPost = pattern.data ? CHIEF_POST[pattern.data.orgKind] : '';
  const shown = view === 'week' ? week : monthQuery;
  const editingShift = editing
    ? week.data?.days.find((d) => d.date === editing.date)?.shifts.find((s) => s.code === editing.code)
    : undefined;

  return (
    <Flex vertical gap={12} data-testid="roster-tab" data-unit={unit.id} data-editable={editable}>
      <RosterToolbar
        units={access.units}
        unitId={unit.id}
        onUnit={(id) => {
          setPicked(id);
          setEditing(null);
        }}
        view={view}
        onView={setView}
        rangeLabel={
          view === 'week'
            ? t('roster.weekLabel', { from: monday, to: addDays(monday, 6).slice(5) })
            : t('roster.monthLabel', { year, month })
        }
        onStep={(direction) => {
          setAnchor(view === 'week' ? addDays(anchor, 7 * direction) : addMonths(anchor, direction));
        }}
        onToday={() => {
          setAnchor(today);
        }}
        onCopyWeek={
          editable && view === 'week'
            ? () => {
                setCopying(monday);
              }
            : null
        }
        onPattern={() => {
          setPatternOpen(true);
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {editable ? t('roster.hintEditor') : t('roster.hintViewer')}
      </Typography.Text>
      <HubErrorAlert error={shown.error ?? pattern.error} testId="roster-load-error" />
      <Spin spinning={shown.isFetching && shown.data === undefined}>
        {view === 'week' && week.data && pattern.data && (
          <WeekGrid
            week={week.data}
            pattern={pattern.data}
            chiefPost={chiefPost}
            today={today}
            editable={editable}
            onOpenCell={(date, code) => {
              setEditing({ date, code });
            }}
          />
        )}
        {view === 'month' && monthQuery.data && (
          <MonthGrid
            month={monthQuery.data}
            chiefPost={chiefPost}
            today={today}
            onOpenDay={(date) => {
              setAnchor(date);
              setView('week');
            }}
          />
        )}
      </Spin>
      {pattern.data && (
        <ShiftEditorModal
          unitId={unit.id}
          pattern={pattern.data}
          shift={editable ? editingShift : undefined}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
      <CopyWeekModal
        unitId={unit.id}
        unitName={unit.name}
        monday={copying}
        onClose={() => {
          setCopying(null);
        }}
      />
      <PatternDrawer
        pattern={pattern.data}
        unitName={unit.name}
        open={patternOpen}
        editable={access.canEditPattern(unit.id)}
        onClose={() => {
          setPatternOpen(false);
        }}
      />
    </Flex>
  );
}
