import { Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../../../../common/contract';
import { CHIEF_POST } from '../../../../../common/domain/duty/roster';
import { useUser } from '../../../stores/session';
import { useNow } from '../../../time/useNow';
import { todayInShanghai } from './dates';
import { HubErrorAlert } from './HubErrorAlert';
import { RosterDialogs } from './RosterDialogs';
import { RosterGrids } from './RosterGrids';
import { RosterToolbar } from './RosterToolbar';
import { useDutyChanged } from './useDutyChanged';
import { useRosterAccess } from './useRosterAccess';
import { useRosterEditors } from './useRosterEditors';
import { useRosterNavigation } from './useRosterNavigation';
import { useRosterQueries } from './useRosterQueries';

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
  const { view, setView, anchor, monday, rangeLabel, step, goToday, openDay } = useRosterNavigation(today);
  const editors = useRosterEditors();
  const { editing } = editors;
  useDutyChanged(WATCHED);

  const own = access.units.find((u) => u.id === user.orgUnitId);
  const unit = access.units.find((u) => u.id === picked) ?? own ?? access.units[0];
  const { pattern, week, monthQuery } = useRosterQueries(unit?.id, view, anchor);

  if (access.loading) return <Spin />;
  if (!unit) return <Typography.Text type="secondary">{t('roster.noUnit')}</Typography.Text>;

  const editable = access.canEditRoster(unit.id);
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
          editors.closeShift();
        }}
        view={view}
        onView={setView}
        rangeLabel={rangeLabel}
        onStep={step}
        onToday={goToday}
        onCopyWeek={
          editable && view === 'week'
            ? () => {
                editors.openCopy(monday);
              }
            : null
        }
        onPattern={editors.openPattern}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {editable ? t('roster.hintEditor') : t('roster.hintViewer')}
      </Typography.Text>
      <HubErrorAlert error={shown.error ?? pattern.error} testId="roster-load-error" />
      <RosterGrids
        view={view}
        week={week.data}
        month={monthQuery.data}
        pattern={pattern.data}
        loading={shown.isFetching && shown.data === undefined}
        chiefPost={chiefPost}
        today={today}
        editable={editable}
        onOpenCell={editors.openShift}
        onOpenDay={openDay}
      />
      <RosterDialogs
        unit={unit}
        pattern={pattern.data}
        editingShift={editable ? editingShift : undefined}
        onCloseShift={editors.closeShift}
        copying={editors.copying}
        onCloseCopy={editors.closeCopy}
        patternOpen={editors.patternOpen}
        patternEditable={access.canEditPattern(unit.id)}
        onClosePattern={editors.closePattern}
      />
    </Flex>
  );
}
