import { Card, Empty, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../common/contract';
import { formatShiftHours } from '../../../../common/domain/duty/shift-calendar';
import { useBilingual } from '../../i18n/useDisplay';
import { countdownText, dueState, elapsedText } from '../../incidents/clockText';
import { LevelTag, useIncidentNames } from '../../incidents/display';
import { incidentPath } from '../../incidents/route';

/** Cameras per grid with their gateway state; a count opens the wall, where the tree shows them. */
export function CamerasCard({ data }: { data: Overview }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('overview.cameras')} data-testid="overview-cameras">
      {data.cameras.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.camerasNone')} />
      )}
      {data.cameras.map((g) => (
        <Flex key={g.gridId} justify="space-between" gap={12} data-testid="overview-camera-grid" data-id={g.gridId}>
          <Typography.Text>{g.gridName}</Typography.Text>
          <Tooltip title={t('overview.toWall')}>
            <Typography.Link href="#/wall" className="tabular">
              <Space size={12}>
                <span data-testid="overview-camera-online">
                  {t('overview.camerasOnline')} {g.online}
                </span>
                <Typography.Text type={g.offline > 0 ? 'danger' : 'secondary'} data-testid="overview-camera-offline">
                  {t('overview.camerasOffline')} {g.offline}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('overview.camerasTotal')} {g.total}
                </Typography.Text>
              </Space>
            </Typography.Link>
          </Tooltip>
        </Flex>
      ))}
    </Card>
  );
}

/** Who is on shift now, per unit: the shift, its chief, each post's people and their check-in. */
export function ShiftCard({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  return (
    <Card size="small" title={t('overview.onShift')} data-testid="overview-shift">
      {data.onShift.map((u) => (
        <div key={u.orgUnitId} data-testid="overview-shift-unit" data-id={u.orgUnitId} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{u.orgUnitName}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {u.shift
              ? `${pick({ zh: u.shift.name, en: u.shift.nameEn })} ${pick(formatShiftHours(u.shift))}`
              : t('overview.noShift')}
          </Typography.Text>
          {u.posts
            .filter((p) => p.people.length > 0)
            .map((p) => (
              <div key={p.code}>
                <Typography.Text type="secondary">{pick({ zh: p.name, en: p.nameEn })}: </Typography.Text>
                {p.people.map((person) => (
                  <Tooltip
                    key={person.id}
                    title={person.checkedInAt === null ? t('overview.notCheckedIn') : t('overview.checkedIn')}
                  >
                    <Tag color={person.checkedInAt === null ? 'default' : 'green'} data-testid="overview-shift-person">
                      {person.userName}
                    </Tag>
                  </Tooltip>
                ))}
              </div>
            ))}
          {u.posts.every((p) => p.people.length === 0) && u.shift && (
            <div>
              <Typography.Text type="secondary">{t('overview.nobody')}</Typography.Text>
            </div>
          )}
        </div>
      ))}
    </Card>
  );
}

/** Active incidents with their running time and the next report deadlines, as on the banner. */
export function IncidentsCard({ data, now }: { data: Overview; now: number }) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  return (
    <Card size="small" title={t('overview.incidents')} data-testid="overview-incidents">
      {data.incidents.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.incidentsNone')} />
      )}
      {data.incidents.map((i) => (
        <div key={i.id} data-testid="overview-incident" data-id={i.id} style={{ marginBottom: 8 }}>
          <Space wrap>
            <LevelTag level={i.level} drill={i.drill} />
            {i.drill && <Tag>{t('incidents.drill')}</Tag>}
            <Typography.Link href={`#${incidentPath(i.id)}`}>{i.name}</Typography.Link>
            <Typography.Text className="tabular" data-testid="overview-incident-elapsed">
              {t('overview.elapsed', { time: elapsedText(now - i.startedAt, t('incidents.dayUnit')) })}
            </Typography.Text>
          </Space>
          <div>
            {i.nextReports.slice(0, 3).map((r) => (
              <Tag
                key={r.id}
                className="tabular"
                color={dueState(r.dueAt, now) === 'ok' ? 'default' : 'red'}
                data-testid="overview-incident-report"
              >
                {t('overview.nextReport', { kind: names.report(r.kind), countdown: countdownText(r.dueAt - now) })}
              </Tag>
            ))}
          </div>
        </div>
      ))}
    </Card>
  );
}
