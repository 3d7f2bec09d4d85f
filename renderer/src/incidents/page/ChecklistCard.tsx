import { App, Card, Checkbox, Empty, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentChecklistItem, IncidentDetail } from '../../../../common/contract';
import { INCIDENT_LEVELS } from '../../../../common/domain/incidents';
import { useErrorText } from '../../i18n/useDisplay';
import { formatDateTime } from '../../time/dayjs';
import { useIncidentMutation } from '../data';
import { LevelTag } from '../display';

/** The plan's actions (领导带班到岗, 巡查低洼易涝点 …), grouped by the level that added them. */
export function ChecklistCard({ detail, canTick }: { detail: IncidentDetail; canTick: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const tick = useIncidentMutation('incidents.checklist.tick', {
    onError: (error) => {
      void message.error(errorText(error));
    },
  });
  const { checklist, incident } = detail;
  const done = checklist.filter((c) => c.done).length;
  const levels = INCIDENT_LEVELS.filter((level) => checklist.some((c) => c.level === level));

  const row = (item: IncidentChecklistItem) => (
    <Flex
      key={item.id}
      gap={8}
      align="baseline"
      data-testid="incident-checklist-item"
      data-item-id={item.id}
      data-done={item.done}
    >
      <Checkbox
        checked={item.done}
        disabled={!canTick || (tick.isPending && tick.variables.itemId === item.id)}
        data-testid="incident-checklist-tick"
        onChange={(e) => {
          tick.mutate({ id: incident.id, itemId: item.id, done: e.target.checked });
        }}
      >
        <span style={item.done ? { textDecoration: 'line-through', opacity: 0.75 } : undefined}>{item.text}</span>
      </Checkbox>
      {item.done && item.doneAt !== null && (
        <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
          {t('incidents.checklist.doneBy', { name: item.doneByName ?? '', at: formatDateTime(item.doneAt) })}
        </Typography.Text>
      )}
    </Flex>
  );

  return (
    <Card
      size="small"
      title={t('incidents.checklist.title')}
      extra={
        checklist.length > 0 && (
          <span data-testid="incident-checklist-progress" data-done={done} data-total={checklist.length}>
            {t('incidents.checklist.progress', { done, total: checklist.length })}
          </span>
        )
      }
      data-testid="incident-checklist"
    >
      {checklist.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.checklist.empty')} />
      ) : (
        <Flex vertical gap={10}>
          <Progress percent={Math.round((done / checklist.length) * 100)} size="small" showInfo={false} />
          {levels.map((level) => (
            <Flex key={level} vertical gap={4}>
              <div>
                <LevelTag level={level} />
              </div>
              {checklist.filter((c) => c.level === level).map(row)}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
