import { Alert, App, Card, Col, Flex, List, Row, Select, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, PlanDto } from '../../../../common/contract';
import { INCIDENT_TYPES, INCIDENT_TYPE_NAMES, type IncidentLevel } from '../../../../common/domain/incidents';
import { useApiMutation, useApiQuery } from '../../api';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';
import { formatDateTime } from '../../time/dayjs';
import { draftProblems, sameDraft, toDraft, toInput, type PlanDraft } from './draft';
import { problemText } from './fieldLabel';
import { PlanEditor, serverErrors } from './PlanEditor';
import { useLeaveGuard } from './useLeaveGuard';

/** Who edits plans (the hub's incidents.plans.save is the same). */
export const PLAN_EDITORS = ['admin'] as const;

interface Editing {
  type: PlanDto['type'];
  /** As saved (null: a new plan for a type that has none yet). */
  base: PlanDraft | null;
  draft: PlanDraft;
}

/**
 * 应急预案, for administrators: per incident type and response level the checklist,
 * whom to notify (通讯录), report deadlines and the preset wall view. A save applies from the next
 * activation or level change; running incidents keep what their level took (the hub keeps it).
 */
export function IncidentPlansWorkspace() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const plans = useApiQuery('incidents.plans.list', {});
  // The whole phone book names the contacts already in the plans (hundreds of rows; the hub caps it).
  const contacts = useApiQuery('contacts.search', {});
  const views = useApiQuery('wall.views.list', {});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [level, setLevel] = useState<IncidentLevel>('IV');
  const save = useApiMutation('incidents.plans.save', {
    invalidates: ['incidents.plans.list'],
    onSuccess: (plan) => {
      const saved = toDraft(plan);
      setEditing({ type: plan.type, base: saved, draft: saved });
      void message.success(t('incidentPlans.saved', { name: plan.name }));
    },
  });

  const list = useMemo(() => plans.data?.plans ?? [], [plans.data]);
  const known = useMemo(
    () => new Map<number, Contact>((contacts.data?.rows ?? []).map((c) => [c.id, c])),
    [contacts.data],
  );
  const shared = useMemo(() => (views.data?.rows ?? []).filter((v) => v.scope === 'shared'), [views.data]);
  // Until one is picked, the first plan is shown as saved.
  const current = useMemo<Editing | null>(() => {
    if (editing) return editing;
    const first = list[0];
    return first ? { type: first.type, base: toDraft(first), draft: toDraft(first) } : null;
  }, [editing, list]);
  const dirty = current !== null && (current.base === null || !sameDraft(current.base, current.draft));

  const draft = current?.draft;
  const problems = useMemo(() => (draft ? draftProblems(draft) : []), [draft]);
  const errors = useMemo(() => {
    const out = serverErrors(save.error, pick);
    for (const p of problems) if (!out.has(p.path)) out.set(p.path, problemText(p, t));
    return out;
  }, [save.error, pick, problems, t]);

  const confirmLeave = (leave: () => void) => {
    modal.confirm({
      title: t('incidentPlans.leaveTitle'),
      content: t('incidentPlans.leaveBody', { name: current?.draft.name ?? '' }),
      okText: t('incidentPlans.leaveOk'),
      okButtonProps: { danger: true, 'data-testid': 'plan-leave-ok' },
      cancelText: t('incidentPlans.stay'),
      cancelButtonProps: { 'data-testid': 'plan-leave-stay' },
      onOk: leave,
    });
  };
  useLeaveGuard(dirty, confirmLeave);

  const open = (next: Editing) => {
    const go = () => {
      save.reset();
      setEditing(next);
      setLevel('IV');
    };
    if (dirty) confirmLeave(go);
    else go();
  };
  const generic = list.find((p) => p.type === 'generic');
  const missingTypes = INCIDENT_TYPES.filter((type) => !list.some((p) => p.type === type));
  const typeName = (type: PlanDto['type']) =>
    type === 'generic' ? t('incidentPlans.generic') : pick(INCIDENT_TYPE_NAMES[type]);

  return (
    <>
      <WorkspaceTitle>{t('incidentPlans.title')}</WorkspaceTitle>
      <Typography.Paragraph type="secondary">{t('incidentPlans.intro')}</Typography.Paragraph>
      {plans.error && <Alert type="error" showIcon title={errorText(plans.error)} />}
      {plans.isPending && <Spin />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xxl={5}>
          <Card size="small" title={t('incidentPlans.list')}>
            <List<PlanDto>
              dataSource={list}
              data-testid="plan-list"
              renderItem={(p) => (
                <List.Item
                  data-testid="plan-list-item"
                  data-type={p.type}
                  data-selected={current?.type === p.type}
                  style={{
                    cursor: 'pointer',
                    paddingInline: 8,
                    background: current?.type === p.type ? 'rgba(22,119,255,0.08)' : undefined,
                  }}
                  onClick={() => {
                    if (current?.type !== p.type) open({ type: p.type, base: toDraft(p), draft: toDraft(p) });
                  }}
                >
                  <Flex vertical>
                    <Typography.Text strong>{p.name}</Typography.Text>
                    <Typography.Text type="secondary">{typeName(p.type)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.updatedByName
                        ? t('incidentPlans.updated', {
                            by: p.updatedByName,
                            at: formatDateTime(p.updatedAt).slice(0, 16),
                          })
                        : t('incidentPlans.seeded')}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
            {generic && missingTypes.length > 0 && (
              <Select<string>
                value={null}
                placeholder={t('incidentPlans.newForType')}
                style={{ width: '100%', marginTop: 8 }}
                data-testid="plan-new-type"
                options={missingTypes.map((type) => ({ value: type, label: typeName(type) }))}
                onChange={(value) => {
                  const type = missingTypes.find((x) => x === value);
                  if (!type) return;
                  const draft = {
                    ...toDraft(generic),
                    type,
                    name: t('incidentPlans.newName', { type: typeName(type) }),
                  };
                  open({ type, base: null, draft });
                }}
              />
            )}
            {current?.base === null && (
              <Tag color="orange" style={{ marginTop: 8 }} data-testid="plan-new-unsaved">
                {t('incidentPlans.newUnsaved', { type: typeName(current.type) })}
              </Tag>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17} xxl={19}>
          {current && (
            <PlanEditor
              draft={current.draft}
              errors={errors}
              saveError={save.error}
              dirty={dirty}
              saving={save.isPending}
              known={known}
              views={shared}
              level={level}
              onLevel={setLevel}
              onChange={(draft) => {
                if (save.error) save.reset();
                setEditing({ ...current, draft });
              }}
              onSave={() => {
                if (problems.length > 0) {
                  void message.error(t('incidentPlans.fixFirst'));
                  return;
                }
                save.mutate(toInput(current.draft));
              }}
              onDiscard={() => {
                save.reset();
                if (current.base) setEditing({ ...current, draft: current.base });
                else setEditing(null);
              }}
            />
          )}
        </Col>
      </Row>
    </>
  );
}
