import { PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto } from '../../../../../common/contract';
import { HubErrorAlert } from './HubErrorAlert';
import { PatternDrawerActions } from './PatternDrawerActions';
import { usePatternColumns } from './patternColumns';
import { usePatternDraft, type DraftShift } from './usePatternDraft';
import { useDutyNames } from './useDutyNames';

export interface PatternDrawerProps {
  pattern: DutyPatternDto | undefined;
  unitName: string;
  open: boolean;
  editable: boolean;
  onClose: () => void;
}

/**
 * 班次模板: the shifts a unit runs every day. Editors change names and hours, add or remove
 * shifts; the hub checks the whole pattern (no gaps in 7×24 duty, no overlaps, valid times) and
 * names the faulty shifts, which are outlined here.
 */
export function PatternDrawer({ pattern, unitName, open, editable, onClose }: PatternDrawerProps) {
  const { t } = useTranslation();
  const names = useDutyNames();
  const state = usePatternDraft(pattern);
  const columns = usePatternColumns(state, editable);
  return (
    <Drawer
      open={open}
      size={860}
      title={
        <Flex align="center" gap={8}>
          {t('roster.pattern.title', { unit: unitName })}
          {pattern?.isDefault && <Tag>{t('roster.pattern.isDefault')}</Tag>}
        </Flex>
      }
      onClose={onClose}
      afterOpenChange={(visible) => {
        // Opened for editing, the focus goes to the first field one may change:
        // once the slide-in is over, so the drawer's own focus on its panel does not take it back.
        if (visible && editable) {
          document.querySelector<HTMLInputElement>('[data-testid="pattern-drawer"] input:not([disabled])')?.focus();
        }
        if (!visible) state.discard();
      }}
      extra={editable && <PatternDrawerActions pattern={pattern} state={state} />}
    >
      <Flex vertical gap={12} data-testid="pattern-drawer" data-unit={pattern?.orgUnitId}>
        <Typography.Text type="secondary">
          {t(pattern?.orgKind === 'station' ? 'roster.pattern.ruleStation' : 'roster.pattern.ruleCenter')}
        </Typography.Text>
        <HubErrorAlert error={state.save.error} testId="pattern-error" />
        <Table<DraftShift>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={state.rows}
          loading={!pattern}
          onRow={(r) => ({ 'data-testid': 'pattern-row', 'data-code': r.code }) as HTMLAttributes<HTMLElement>}
          columns={columns}
        />
        {editable && (
          <Button
            icon={<PlusOutlined />}
            style={{ alignSelf: 'flex-start' }}
            data-testid="pattern-add"
            onClick={state.add}
          >
            {t('roster.pattern.add')}
          </Button>
        )}
        {pattern && (
          <Typography.Text type="secondary" data-testid="pattern-posts">
            {t('roster.pattern.posts')}
            {pattern.posts.map((p) => `${names.name(p)}${p.seats > 1 ? ` ×${p.seats}` : ''}`).join('、')}
          </Typography.Text>
        )}
      </Flex>
    </Drawer>
  );
}
