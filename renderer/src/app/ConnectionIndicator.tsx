import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../api';

/** A coloured dot and a word; tests read `data-state`. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <span data-testid="connection-state" data-state={state} role="status">
      <span className="status-dot" data-state={state} aria-hidden />
      {t(`connection.${state}`)}
    </span>
  );
}
