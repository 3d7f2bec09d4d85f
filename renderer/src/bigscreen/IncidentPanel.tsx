import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../common/contract';
import { countdownText, dueState, elapsedText } from '../incidents/clockText';
import { LevelTag, useIncidentNames } from '../incidents/display';

/** Report deadlines shown per incident: the next ones first. */
const REPORTS = 3;

/** The active incidents (the real one first, as the banner has them) with their running time and report timers. */
export function IncidentPanel({ incidents, now }: { incidents: readonly IncidentSummary[]; now: number }) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  return (
    <div className="bigscreen-grid" style={{ gridAutoRows: '1fr' }}>
      {incidents.map((i) => (
        <div key={i.id} className="bigscreen-tile bigscreen-incident" data-testid="bigscreen-incident" data-id={i.id}>
          <div className="bigscreen-label" style={{ display: 'flex', gap: '1vw', alignItems: 'center' }}>
            <span style={{ fontSize: 'inherit' }}>
              <LevelTag level={i.level} drill={i.drill} />
            </span>
            {i.drill && <span>{t('bigscreen.drill')}</span>}
            <span>{names.type(i.type)}</span>
          </div>
          <div className="bigscreen-number" style={{ fontSize: 'clamp(48px, 3.4vw, 120px)' }}>
            {i.name}
          </div>
          <div className="bigscreen-number" data-testid="bigscreen-incident-elapsed">
            {t('bigscreen.incidentElapsed', { time: elapsedText(now - i.startedAt, t('incidents.dayUnit')) })}
          </div>
          <div className="bigscreen-sub">{t('bigscreen.incidentCommander', { name: i.commanderName })}</div>
          <div className="bigscreen-list">
            {i.nextReports.slice(0, REPORTS).map((r) => {
              const late = dueState(r.dueAt, now) === 'due';
              const text = t(late ? 'bigscreen.reportLate' : 'bigscreen.nextReport', {
                kind: names.report(r.kind),
                countdown: countdownText(r.dueAt - now).replace(/^-/, ''),
              });
              return (
                <div
                  key={r.id}
                  className={late ? 'bigscreen-list-row bigscreen-up-bad' : 'bigscreen-list-row'}
                  data-testid="bigscreen-incident-report"
                >
                  {text}
                </div>
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}
