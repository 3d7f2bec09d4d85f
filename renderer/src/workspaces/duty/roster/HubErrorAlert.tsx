import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../../api';
import { useBilingual, useErrorText } from '../../../i18n/useDisplay';
import { detailMessages } from './hubErrorDetails';

/** Lists shown under an error: a copy may hit dozens of conflicts; the first few tell the story. */
const MAX_LISTED = 8;

/**
 * A hub error in place (not a toast): a roster conflict is something the chief reads, then changes
 * the roster. Shows the hub's message and, when it lists several problems, each of them.
 */
export function HubErrorAlert({ error, testId }: { error: ApiCallError | null; testId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const pick = useBilingual();
  if (!error) return null;
  const title = errorText(error);
  // Hub messages often quote the first problem (or all of them): list only what the title lacks.
  const extra = detailMessages(error.body.details)
    .map(pick)
    .filter((m) => !title.includes(m));
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      data-code={error.code}
      title={title}
      description={
        extra.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {extra.slice(0, MAX_LISTED).map((m, i) => (
              <li key={i}>{m}</li>
            ))}
            {extra.length > MAX_LISTED && <li>{t('roster.moreProblems', { n: extra.length - MAX_LISTED })}</li>}
          </ul>
        ) : undefined
      }
    />
  );
}
