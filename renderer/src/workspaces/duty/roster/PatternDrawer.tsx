import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto, ShiftTemplateDto } from '../../../../../common/contract';
import { defaultPattern } from '../../../../../common/domain/duty/shift-templates';
import { useApiMutation } from '../../../api';
import { HubErrorAlert } from './HubErrorAlert';
import { problemShiftCodes } from './hubErrorDetails';
import { useDutyNames } from './useDutyNames';

interface DraftShift extends ShiftTemplateDto {
  /** Row key; a new shift has no code until the editor types one. */
  key: string;
  /** Saved shifts keep their code: the roster refers to shifts by it. */
  isNew: boolean;
}

/** Saved shifts are keyed by their code (unique in a pattern), so rows keep their inputs across renders. */
const draftOf = (shifts: readonly ShiftTemplateDto[]): DraftShift[] =>
  shifts.map((s) => ({ ...s, key: `saved:${s.code}`, isNew: false }));

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
  const { message } = App.useApp();
  const names = useDutyNames();
  const [draft, setDraft] = useState<DraftShift[] | null>(null);
  const save = useApiMutation('duty.pattern.set', {
    invalidates: ['duty.pattern.get', 'duty.roster.week', 'duty.roster.month', 'duty.onDuty'],
    onSuccess: () => {
      setDraft(null);
      void message.success(t('common.saved'));
    },
  });
  const newKeys = useRef(0);
  const saved = useMemo(() => (pattern ? draftOf(pattern.shifts) : []), [pattern]);
  const rows = draft ?? saved;
  const faulty = save.error ? problemShiftCodes(save.error.body.details) : new Set<string>();
  const edit = (key: string, patch: Partial<ShiftTemplateDto>) => {
    setDraft(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    save.reset();
  };
  const input = (r: DraftShift, field: 'code' | 'name' | 'nameEn' | 'start' | 'end', width: number, max: number) => (
    <Input
      size="small"
      value={r[field]}
      maxLength={max}
      style={{ width }}
      status={faulty.has(r.code) ? 'error' : undefined}
      disabled={!editable || (field === 'code' && !r.isNew)}
      placeholder={field === 'start' ? '08:00' : field === 'end' ? '16:00' : undefined}
      data-testid={`pattern-${field}`}
      onChange={(e) => {
        edit(r.key, { [field]: e.target.value });
      }}
    />
  );

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
        if (!visible) {
          setDraft(null);
          save.reset();
        }
      }}
      extra={
        editable && (
          <Flex gap={8}>
            {pattern && (
              <Popconfirm
                title={t('roster.pattern.loadDefaultConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => {
                  setDraft(draftOf(defaultPattern(pattern.orgKind).shifts));
                  save.reset();
                }}
              >
                <Button data-testid="pattern-load-default">{t('roster.pattern.loadDefault')}</Button>
              </Popconfirm>
            )}
            <Button
              type="primary"
              disabled={draft === null || !pattern}
              loading={save.isPending}
              data-testid="pattern-save"
              onClick={() => {
                if (!pattern) return;
                save.mutate({
                  orgUnitId: pattern.orgUnitId,
                  shifts: rows.map(({ key: _key, isNew: _isNew, ...s }) => ({ ...s, code: s.code.trim() })),
                });
              }}
            >
              {t('common.save')}
            </Button>
          </Flex>
        )
      }
    >
      <Flex vertical gap={12} data-testid="pattern-drawer" data-unit={pattern?.orgUnitId}>
        <Typography.Text type="secondary">
          {t(pattern?.orgKind === 'station' ? 'roster.pattern.ruleStation' : 'roster.pattern.ruleCenter')}
        </Typography.Text>
        <HubErrorAlert error={save.error} testId="pattern-error" />
        <Table<DraftShift>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          loading={!pattern}
          onRow={(r) => ({ 'data-testid': 'pattern-row', 'data-code': r.code }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'code', title: t('roster.pattern.code'), width: 130, render: (_, r) => input(r, 'code', 110, 32) },
            { key: 'name', title: t('roster.pattern.name'), width: 120, render: (_, r) => input(r, 'name', 100, 20) },
            {
              key: 'nameEn',
              title: t('roster.pattern.nameEn'),
              width: 140,
              render: (_, r) => input(r, 'nameEn', 120, 40),
            },
            { key: 'start', title: t('roster.pattern.start'), width: 90, render: (_, r) => input(r, 'start', 70, 5) },
            { key: 'end', title: t('roster.pattern.end'), width: 90, render: (_, r) => input(r, 'end', 70, 5) },
            {
              key: 'kind',
              title: t('roster.pattern.kind'),
              width: 120,
              render: (_, r) => (
                <Select<ShiftTemplateDto['kind']>
                  size="small"
                  value={r.kind}
                  disabled={!editable}
                  style={{ width: 100 }}
                  data-testid="pattern-kind"
                  options={[
                    { value: 'duty', label: t('roster.kind.duty') },
                    { value: 'standby', label: t('roster.kind.standby') },
                  ]}
                  onChange={(kind) => {
                    edit(r.key, { kind });
                  }}
                />
              ),
            },
            ...(editable
              ? [
                  {
                    key: 'remove',
                    width: 50,
                    render: (_: unknown, r: DraftShift) => (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('roster.pattern.remove')}
                        data-testid="pattern-remove"
                        onClick={() => {
                          setDraft(rows.filter((x) => x.key !== r.key));
                          save.reset();
                        }}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
        {editable && (
          <Button
            icon={<PlusOutlined />}
            style={{ alignSelf: 'flex-start' }}
            data-testid="pattern-add"
            onClick={() => {
              newKeys.current += 1;
              const blank = { code: '', name: '', nameEn: '', start: '', end: '', kind: 'duty' } as const;
              setDraft([...rows, { ...blank, key: `new:${newKeys.current}`, isNew: true }]);
              save.reset();
            }}
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
