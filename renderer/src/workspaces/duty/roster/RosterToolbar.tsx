import { CopyOutlined, LeftOutlined, RightOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../../common/contract';

export type RosterView = 'week' | 'month';

export interface RosterToolbarProps {
  units: readonly OrgUnit[];
  unitId: string;
  onUnit: (id: string) => void;
  view: RosterView;
  onView: (view: RosterView) => void;
  /** What the view shows: '2026-02-02 – 02-08' or '2026年2月'. */
  rangeLabel: string;
  onStep: (direction: -1 | 1) => void;
  onToday: () => void;
  /** Offered in the week view to roster editors. */
  onCopyWeek: (() => void) | null;
  onPattern: () => void;
}

/** Unit, view, navigation and the editor's actions above the roster. */
export function RosterToolbar(props: RosterToolbarProps) {
  const { t } = useTranslation();
  const { units, unitId, view, onCopyWeek } = props;
  return (
    <Flex align="center" gap={8} wrap data-testid="roster-toolbar">
      {units.length > 1 && (
        <Select<string>
          value={unitId}
          style={{ width: 230 }}
          data-testid="roster-unit"
          aria-label={t('roster.unit')}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          onChange={props.onUnit}
        />
      )}
      <Segmented<RosterView>
        value={view}
        data-testid="roster-view"
        options={[
          { value: 'week', label: t('roster.view.week') },
          { value: 'month', label: t('roster.view.month') },
        ]}
        onChange={props.onView}
      />
      <Button
        icon={<LeftOutlined />}
        aria-label={t(view === 'week' ? 'roster.nav.prevWeek' : 'roster.nav.prevMonth')}
        data-testid="roster-prev"
        onClick={() => {
          props.onStep(-1);
        }}
      />
      <Button data-testid="roster-today" onClick={props.onToday}>
        {t('roster.today')}
      </Button>
      <Button
        icon={<RightOutlined />}
        aria-label={t(view === 'week' ? 'roster.nav.nextWeek' : 'roster.nav.nextMonth')}
        data-testid="roster-next"
        onClick={() => {
          props.onStep(1);
        }}
      />
      <Typography.Text strong className="tabular" data-testid="roster-range" style={{ minWidth: 160 }}>
        {props.rangeLabel}
      </Typography.Text>
      <span style={{ flex: 1 }} />
      {onCopyWeek && (
        <Button icon={<CopyOutlined />} data-testid="roster-copy" onClick={onCopyWeek}>
          {t('roster.copy.open')}
        </Button>
      )}
      <Button icon={<SettingOutlined />} data-testid="pattern-open" onClick={props.onPattern}>
        {t('roster.pattern.open')}
      </Button>
    </Flex>
  );
}
