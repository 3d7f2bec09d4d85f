import { useCallback } from 'react';
import { isApiCallError } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';

/** Any rejection as text: the hub's message in the UI language, or the error's own. */
export function useAnyErrorText(): (error: unknown) => string {
  const errorText = useErrorText();
  return useCallback(
    (error) => (isApiCallError(error) ? errorText(error) : error instanceof Error ? error.message : String(error)),
    [errorText],
  );
}
