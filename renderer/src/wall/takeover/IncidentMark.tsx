import { useTranslation } from 'react-i18next';
import { useTakeoverStore } from './takeoverStore';

/**
 * A strip over the top of a wall switched to an incident's cameras: which incident, and that the
 * wall returns when it closes. A drill is marked 【演练】 and hatched.
 */
export function IncidentMark() {
  const { t } = useTranslation();
  const layer = useTakeoverStore((s) => s.stack.find((l) => l.kind === 'incident'));
  if (layer?.kind !== 'incident') return null;
  return (
    <div
      className={`wall-incident-mark${layer.drill ? ' wall-incident-drill' : ''}`}
      data-testid="wall-incident-mark"
      data-incident-id={layer.incidentId}
      data-drill={layer.drill ? 'true' : 'false'}
    >
      {layer.drill ? t('wall.incident.drillMark') : ''}
      {t('wall.incident.mark', {
        title: layer.title,
        level: t(`wall.incident.level.${layer.level}`, { defaultValue: layer.level }),
      })}
    </div>
  );
}
