import { Alert, Button, Form, Input, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DUTY_LOG_AUTHOR_KINDS,
  DUTY_LOG_TEXT_MAX,
  type DutyLogAuthorKind,
  type DutyLogEntry,
} from '../../../../../common/contract/duty-log';
import { useKindName } from '../kinds';
import { useEntryLabels } from '../entryRef';
import { EntryLinkFields } from './EntryLinkFields';
import { useEntryComposer } from './useEntryComposer';

/**
 * Writes an entry (or a correction of `correcting`) into the current shift. The form clears only
 * once the hub has stored the entry, so a refused entry is never lost.
 */
export function EntryComposer({ correcting, onDone }: { correcting: DutyLogEntry | null; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useEntryLabels();
  const kindName = useKindName();
  const c = useEntryComposer(correcting, onDone);
  const { kind, setKind, text, setText, submit, error, append } = c;
  return (
    <Form layout="vertical" data-testid="duty-composer" onFinish={submit}>
      {correcting && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('duty.compose.correcting', { ref: labels.no(correcting.seq) })}
          action={
            <Button size="small" onClick={onDone} data-testid="duty-cancel-correct">
              {t('duty.compose.cancelCorrect')}
            </Button>
          }
        />
      )}
      {!correcting && (
        <Form.Item label={t('duty.compose.kind')} style={{ marginBottom: 8 }}>
          <Segmented<DutyLogAuthorKind>
            data-testid="duty-kind"
            value={kind}
            onChange={setKind}
            options={DUTY_LOG_AUTHOR_KINDS.map((k) => ({ value: k, label: kindName(k) }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('duty.compose.text')} style={{ marginBottom: 8 }}>
        <Input.TextArea
          // 更正 remounts the composer (keyed by the entry): the operator types the correction at once.
          autoFocus={correcting !== null}
          data-testid="duty-text"
          value={text}
          maxLength={DUTY_LOG_TEXT_MAX}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('duty.compose.textPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
        />
      </Form.Item>
      <EntryLinkFields composer={c} />
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="duty-compose-error" />
      )}
      <Button type="primary" htmlType="submit" loading={append.isPending} data-testid="duty-submit">
        {t('duty.compose.submit')}
      </Button>
    </Form>
  );
}
