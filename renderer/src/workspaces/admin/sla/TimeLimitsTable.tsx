import { Alert, App, Button, Flex, InputNumber, Select, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeLimit } from '../../../../../common/contract';
import { URGENCIES, type Urgency } from '../../../../../common/domain/orders/states';
import { useApiMutation, useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { UrgencyTag } from '../../../orders/display/UrgencyTag';
import { useOrderNames } from '../../../orders/display/useOrderNames';
import { categoryPath, useOrderReference } from '../../../orders/reference/useOrderReference';
import { durationText } from '../../../components/duration';

type Mode = TimeLimit['mode'];
const rowKey = (l: { categoryId: string; urgency: Urgency }) => `${l.categoryId}|${l.urgency}`;
const MODES: readonly Mode[] = ['natural', 'working'];

/** Time limits per category × urgency, edited in place; a change applies to orders created afterwards. */
export function TimeLimitsTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const names = useOrderNames();
  const ref = useOrderReference();
  const limits = useApiQuery('sla.limits.list', {});
  const [drafts, setDrafts] = useState<Record<string, TimeLimit>>({});
  const [adding, setAdding] = useState<Partial<TimeLimit>>({ urgency: 'normal', mode: 'working', minutes: 24 * 60 });
  const save = useApiMutation('sla.limits.set', {
    invalidates: ['sla.limits.list'],
    onSuccess: (saved) => {
      setDrafts((d) => {
        const { [rowKey(saved)]: _saved, ...rest } = d;
        return rest;
      });
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      void message.error(errorText(error));
    },
  });

  const categoryLabel = (id: string) => {
    if (id === '*') return t('sla.allCategories');
    const c = ref.categoryById.get(id);
    return c ? categoryPath(c, ref.categoryById) : id;
  };
  const rows = useMemo(
    () =>
      [...(limits.data ?? [])].sort(
        (a, b) =>
          (a.categoryId === '*' ? -1 : b.categoryId === '*' ? 1 : a.categoryId.localeCompare(b.categoryId)) ||
          URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency),
      ),
    [limits.data],
  );
  const edit = (l: TimeLimit, patch: Partial<TimeLimit>) => {
    setDrafts((d) => ({ ...d, [rowKey(l)]: { ...(d[rowKey(l)] ?? l), ...patch } }));
  };

  const categoryOptions = useMemo(
    () => [
      { value: '*', label: t('sla.allCategories') },
      ...ref.categories.map((c) => ({ value: c.id, label: `${c.id} ${c.name}` })),
    ],
    [ref.categories, t],
  );
  const canAdd = adding.categoryId && adding.urgency && adding.minutes && adding.mode;

  return (
    <Flex vertical gap={12}>
      {limits.error && <Alert type="error" showIcon title={errorText(limits.error)} />}
      <Table<TimeLimit>
        size="small"
        rowKey={rowKey}
        loading={limits.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="sla-limits"
        onRow={(l) =>
          ({
            'data-testid': 'sla-limit-row',
            'data-category': l.categoryId,
            'data-urgency': l.urgency,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'category', title: t('sla.column.category'), render: (_, l) => categoryLabel(l.categoryId) },
          {
            key: 'urgency',
            title: t('orders.column.urgency'),
            width: 90,
            render: (_, l) => <UrgencyTag urgency={l.urgency} />,
          },
          {
            key: 'minutes',
            title: t('sla.column.minutes'),
            width: 260,
            render: (_, l) => {
              const draft = drafts[rowKey(l)] ?? l;
              return (
                <Flex align="center" gap={8}>
                  <InputNumber
                    min={10}
                    max={60 * 24 * 90}
                    precision={0}
                    value={draft.minutes}
                    style={{ width: 110 }}
                    data-testid="sla-limit-minutes"
                    onChange={(v) => {
                      if (v !== null) edit(l, { minutes: v });
                    }}
                  />
                  <Typography.Text type="secondary">{durationText(draft.minutes, t)}</Typography.Text>
                </Flex>
              );
            },
          },
          {
            key: 'mode',
            title: t('sla.column.mode'),
            width: 150,
            render: (_, l) => (
              <Select<Mode>
                value={(drafts[rowKey(l)] ?? l).mode}
                style={{ width: 130 }}
                data-testid="sla-limit-mode"
                options={MODES.map((m) => ({ value: m, label: t(`sla.mode.${m}`) }))}
                onChange={(mode) => {
                  edit(l, { mode });
                }}
              />
            ),
          },
          {
            key: 'save',
            title: t('common.actions'),
            width: 90,
            render: (_, l) => {
              const draft = drafts[rowKey(l)];
              const dirty = draft !== undefined && (draft.minutes !== l.minutes || draft.mode !== l.mode);
              return (
                <Button
                  size="small"
                  type={dirty ? 'primary' : 'default'}
                  disabled={!dirty}
                  loading={
                    save.isPending && save.variables.categoryId === l.categoryId && save.variables.urgency === l.urgency
                  }
                  data-testid="sla-limit-save"
                  onClick={() => {
                    if (draft) save.mutate(draft);
                  }}
                >
                  {t('common.save')}
                </Button>
              );
            },
          },
        ]}
      />
      <Flex align="center" gap={8} wrap data-testid="sla-limit-add">
        <Typography.Text>{t('sla.addLimit')}</Typography.Text>
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('sla.column.category')}
          style={{ width: 260 }}
          value={adding.categoryId}
          options={categoryOptions}
          data-testid="sla-add-category"
          onChange={(categoryId) => {
            setAdding((a) => ({ ...a, categoryId }));
          }}
        />
        <Select<Urgency>
          style={{ width: 100 }}
          value={adding.urgency}
          options={URGENCIES.map((u) => ({ value: u, label: names.urgency(u) }))}
          data-testid="sla-add-urgency"
          onChange={(urgency) => {
            setAdding((a) => ({ ...a, urgency }));
          }}
        />
        <InputNumber
          min={10}
          max={60 * 24 * 90}
          precision={0}
          value={adding.minutes}
          style={{ width: 110 }}
          data-testid="sla-add-minutes"
          onChange={(minutes) => {
            setAdding((a) => ({ ...a, minutes: minutes ?? undefined }));
          }}
        />
        <Select<Mode>
          style={{ width: 130 }}
          value={adding.mode}
          options={MODES.map((m) => ({ value: m, label: t(`sla.mode.${m}`) }))}
          data-testid="sla-add-mode"
          onChange={(mode) => {
            setAdding((a) => ({ ...a, mode }));
          }}
        />
        <Button
          disabled={!canAdd}
          data-testid="sla-add-submit"
          onClick={() => {
            if (adding.categoryId && adding.urgency && adding.minutes && adding.mode) {
              save.mutate({
                categoryId: adding.categoryId,
                urgency: adding.urgency,
                minutes: adding.minutes,
                mode: adding.mode,
              });
            }
          }}
        >
          {t('sla.add')}
        </Button>
      </Flex>
    </Flex>
  );
}
