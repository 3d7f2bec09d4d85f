import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Divider, Flex, Modal, Popconfirm, Select, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto, RosterShiftDto } from '../../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../../api';
import { useRoleName } from '../../../i18n/useDisplay';
import { dayjs } from '../../../time/dayjs';
import { HubErrorAlert } from './HubErrorAlert';
import { PersonChip } from './PersonChip';
import { useDutyNames } from './useDutyNames';

/** Views a roster edit makes stale (other windows hear `duty.changed`). */
const ROSTER_VIEWS = ['duty.roster.week', 'duty.roster.month', 'duty.onDuty'] as const;

export interface ShiftEditorModalProps {
  unitId: string;
  pattern: DutyPatternDto;
  /** The shift being edited, from the current week: updates live as the roster changes. */
  shift: RosterShiftDto | undefined;
  onClose: () => void;
}

/**
 * Who is on which post in one shift: take people off, put people on. The hub checks every
 * assignment (one person on two overlapping posts, a full post, a person of another unit) and
 * its refusal is shown here, in the chief's words.
 */
export function ShiftEditorModal({ unitId, pattern, shift, onClose }: ShiftEditorModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useDutyNames();
  const roleName = useRoleName();
  const [postCode, setPostCode] = useState<string | undefined>(undefined);
  const [userId, setUserId] = useState<number | undefined>(undefined);
  const people = useApiQuery('duty.roster.people', { orgUnitId: unitId }, { enabled: shift !== undefined });
  const assign = useApiMutation('duty.roster.assign', {
    invalidates: ROSTER_VIEWS,
    onSuccess: (saved) => {
      setUserId(undefined);
      void message.success(t('roster.assign.done', { name: saved.userName }));
    },
  });
  const unassign = useApiMutation('duty.roster.unassign', {
    invalidates: ROSTER_VIEWS,
    onSuccess: () => {
      void message.success(t('roster.assign.removed'));
    },
  });
  const error = assign.error ?? unassign.error;
  const resetErrors = () => {
    assign.reset();
    unassign.reset();
  };

  const title = shift
    ? `${shift.date} ${dayjs(shift.date).format('ddd')} · ${names.name(shift)} ${names.hours(shift)}`
    : '';
  return (
    <Modal
      open={shift !== undefined}
      title={title}
      onCancel={onClose}
      footer={null}
      width={620}
      destroyOnHidden
      afterClose={() => {
        setPostCode(undefined);
        setUserId(undefined);
        resetErrors();
      }}
    >
      {shift && (
        <Flex vertical gap={10} data-testid="shift-editor" data-date={shift.date} data-shift={shift.code}>
          {pattern.posts.map((post) => {
            const holders = shift.assignments.filter((a) => a.postCode === post.code);
            return (
              <Flex key={post.code} align="flex-start" gap={12} data-testid="shift-editor-post" data-post={post.code}>
                <span style={{ width: 120, flex: 'none', color: '#aab6c8' }}>
                  {names.name(post)}
                  {post.seats > 1 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      ({holders.length}/{post.seats})
                    </Typography.Text>
                  )}
                </span>
                <Flex vertical gap={4} style={{ flex: 1 }}>
                  {holders.length === 0 && (
                    <Typography.Text type="secondary">{t('roster.assign.empty')}</Typography.Text>
                  )}
                  {holders.map((a) => (
                    <Flex key={a.id} align="center" gap={8}>
                      <PersonChip entry={a} />
                      {a.checkedInAt !== null ? (
                        <Tooltip title={t('roster.assign.checkedInKept')}>
                          <Button size="small" type="text" icon={<DeleteOutlined />} disabled />
                        </Tooltip>
                      ) : (
                        <Popconfirm
                          title={t('roster.assign.removeConfirm', { name: a.userName, post: names.name(post) })}
                          okText={t('common.ok')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => {
                            resetErrors();
                            unassign.mutate({ id: a.id });
                          }}
                        >
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('roster.assign.remove')}
                            data-testid="shift-editor-remove"
                            data-user={a.userId}
                            loading={unassign.isPending && unassign.variables.id === a.id}
                          />
                        </Popconfirm>
                      )}
                    </Flex>
                  ))}
                </Flex>
              </Flex>
            );
          })}
          <Divider style={{ margin: '4px 0' }} />
          <Flex gap={8} wrap align="center">
            {/* The editor opens on its first field: pick the post, Tab to the person. */}
            <Select<string>
              autoFocus
              placeholder={t('roster.assign.post')}
              value={postCode}
              style={{ width: 170 }}
              data-testid="shift-editor-post-select"
              options={pattern.posts.map((p) => ({ value: p.code, label: names.name(p) }))}
              onChange={(v) => {
                setPostCode(v);
                resetErrors();
              }}
            />
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('roster.assign.person')}
              value={userId}
              style={{ width: 240 }}
              loading={people.isPending}
              data-testid="shift-editor-person-select"
              notFoundContent={people.error ? t('common.loadFailed') : undefined}
              options={(people.data ?? []).map((p) => ({
                value: p.id,
                label: `${p.displayName}（${p.roles.map(roleName).join('、') || t('common.none')}）`,
              }))}
              onChange={(v) => {
                setUserId(v);
                resetErrors();
              }}
            />
            <Button
              type="primary"
              disabled={postCode === undefined || userId === undefined}
              loading={assign.isPending}
              data-testid="shift-editor-assign"
              onClick={() => {
                if (postCode === undefined || userId === undefined) return;
                assign.mutate({ orgUnitId: unitId, date: shift.date, shiftCode: shift.code, postCode, userId });
              }}
            >
              {t('roster.assign.submit')}
            </Button>
          </Flex>
          <HubErrorAlert error={error} testId="shift-editor-error" />
        </Flex>
      )}
    </Modal>
  );
}
