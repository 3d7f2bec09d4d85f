import { Alert, Card, Flex, Segmented, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract';
import { useApiQuery } from '../../api';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useErrorText } from '../../i18n/useDisplay';
import { useNow } from '../../time/useNow';
import { SupervisionTable } from './SupervisionTable';

type Counts = MethodOutput<'orders.supervisions.list'>['counts'];

/** How many are open, overdue (red when any) and answered. */
function SupervisionCounts({ counts }: { counts: Counts | undefined }) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} style={{ marginBottom: 12 }}>
      {(['open', 'overdue', 'replied'] as const).map((k) => (
        <Card
          key={k}
          size="small"
          style={{ width: 160 }}
          data-testid={`supervision-count-${k}`}
          data-count={counts?.[k] ?? ''}
        >
          <Statistic
            title={t(`supervision.count.${k}`)}
            value={counts?.[k] ?? '—'}
            styles={{ content: { color: k === 'overdue' && (counts?.overdue ?? 0) > 0 ? '#e5484d' : undefined } }}
          />
        </Card>
      ))}
    </Flex>
  );
}

/** 督办: what the chiefs have pressed for, what is overdue, and what has been answered. */
export function SupervisionWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const now = useNow(60_000);
  const [onlyOpen, setOnlyOpen] = useState(true);
  const list = useApiQuery('orders.supervisions.list', { onlyOpen }, { placeholderData: (previous) => previous });
  return (
    <>
      <WorkspaceTitle
        extra={
          <Segmented<'open' | 'all'>
            data-testid="supervision-scope"
            value={onlyOpen ? 'open' : 'all'}
            onChange={(v) => {
              setOnlyOpen(v === 'open');
            }}
            options={[
              { value: 'open', label: t('supervision.scopeOpen') },
              { value: 'all', label: t('supervision.scopeAll') },
            ]}
          />
        }
      >
        {t('supervision.title')}
      </WorkspaceTitle>
      <SupervisionCounts counts={list.data?.counts} />
      {list.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(list.error)} />}
      <SupervisionTable rows={list.data?.rows ?? []} loading={list.isPending} now={now} />
    </>
  );
}
