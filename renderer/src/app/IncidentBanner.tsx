import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../common/contract';
import { INCIDENT_READERS } from '../../../common/contract/incidents';
import { hasAnyRole } from '../orders/roles';
import { navigate } from '../stores/route';
import { useUser } from '../stores/session';
import { formatDateTime } from '../time/dayjs';
import { useNow } from '../time/useNow';
import { countdownText, dueState, elapsedText } from '../incidents/clockText';
import { levelStyle, useIncidentNames } from '../incidents/display';
import { useCurrentIncidents } from '../incidents/data';
import { incidentPath } from '../incidents/route';

/** The banner shows this many deadlines; the incident page has them all. */
const MAX_REPORTS = 3;

function Banner({ incident, now, onOpen }: { incident: IncidentSummary; now: number; onOpen?: () => void }) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const reports = incident.nextReports.slice(0, MAX_REPORTS);
  return (
    <div
      className={incident.drill ? 'incident-banner incident-hatched' : 'incident-banner'}
      style={{ ...levelStyle(incident.level), cursor: onOpen ? 'pointer' : undefined }}
      role="status"
      data-testid="incident-banner"
      data-incident-id={incident.id}
      data-level={incident.level}
      data-drill={incident.drill ? 'true' : 'false'}
      onClick={onOpen}
    >
      {incident.drill && (
        <span className="incident-drill-mark" data-testid="incident-banner-drill">
          {t('incidents.drill')}
        </span>
      )}
      <span className="incident-banner-name" data-testid="incident-banner-type">
        {names.type(incident.type)}
        {incident.name !== names.type(incident.type) && ` · ${incident.name}`}
      </span>
      <span data-testid="incident-banner-level">{names.level(incident.level)}</span>
      <Tooltip title={t('incidents.banner.startedAt', { at: formatDateTime(incident.startedAt) })}>
        <span className="tabular" data-testid="incident-banner-elapsed">
          {t('incidents.banner.elapsed', { time: elapsedText(now - incident.startedAt, t('incidents.dayUnit')) })}
        </span>
      </Tooltip>
      <span className="spacer" />
      {reports.map((r) => (
        <span
          key={r.id}
          className="incident-banner-report tabular"
          data-testid="incident-banner-report"
          data-report-id={r.id}
          data-kind={r.kind}
          data-state={dueState(r.dueAt, now)}
        >
          {names.report(r.kind)} {countdownText(r.dueAt - now)}
        </span>
      ))}
    </div>
  );
}

/**
 * Incident mode on every console and wall window: one strip per active incident in
 * its level colour — the real one first, drills hatched with 演练 — with the elapsed time and a
 * countdown per due report. It appears as soon as `incidents.changed` arrives; a click opens the
 * incident for those who may read it. On a wall window (which covers the whole browser window) it
 * lies over the top of the grid.
 */
export function IncidentBanner({ overlay }: { overlay: boolean }) {
  const user = useUser();
  const current = useCurrentIncidents();
  const now = useNow(1000);
  const incidents = current.data?.incidents ?? [];
  if (incidents.length === 0) return null;
  const canOpen = !overlay && hasAnyRole(user.roles, INCIDENT_READERS);
  return (
    <div className={overlay ? 'incident-banners-overlay' : undefined} data-testid="incident-banners">
      {incidents.map((incident) => (
        <Banner
          key={incident.id}
          incident={incident}
          now={now}
          onOpen={
            canOpen
              ? () => {
                  navigate(incidentPath(incident.id));
                }
              : undefined
          }
        />
      ))}
    </div>
  );
}
