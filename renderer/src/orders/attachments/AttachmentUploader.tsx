import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../../common/contract';
import { isApiCallError, useApi } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';
import { uploadAttachment } from './upload';

interface Item {
  key: number;
  name: string;
  progress: number;
  info: AttachmentInfo | null;
  error: string | null;
}

export interface UploadState {
  ids: number[];
  /** Uploads still running: a form waits for them before it submits. */
  busy: boolean;
}

const KIND_COLORS = { image: 'blue', audio: 'purple', video: 'cyan' } as const;

/** Pick files, watch them go up, see what the hub found them to be; tests use `attachment-input`. */
export function AttachmentUploader({
  testId,
  onChange,
  accept = 'image/*,audio/*,video/*',
}: {
  testId: string;
  onChange: (state: UploadState) => void;
  accept?: string;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const nextKey = useRef(1);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    onChange({
      ids: items.flatMap((i) => (i.info ? [i.info.id] : [])),
      busy: items.some((i) => !i.info && !i.error),
    });
  }, [items, onChange]);

  const update = (key: number, patch: Partial<Item>) => {
    if (!mounted.current) return;
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  };

  const start = (file: File) => {
    const key = nextKey.current++;
    setItems((list) => [...list, { key, name: file.name, progress: 0, info: null, error: null }]);
    uploadAttachment(
      api,
      file,
      (progress) => {
        update(key, { progress });
      },
      () => !mounted.current,
    ).then(
      (info) => {
        if (info) update(key, { info, progress: 1 });
      },
      (error: unknown) => {
        update(key, { error: isApiCallError(error) ? errorText(error) : String(error) });
      },
    );
  };

  return (
    <Flex vertical gap={6} data-testid={testId}>
      <input
        ref={input}
        type="file"
        multiple
        accept={accept}
        style={{ display: 'none' }}
        data-testid="attachment-input"
        onChange={(e) => {
          for (const file of Array.from(e.target.files ?? [])) start(file);
          e.target.value = '';
        }}
      />
      <div>
        <Button
          icon={<PaperClipOutlined />}
          data-testid="attachment-add"
          onClick={() => {
            input.current?.click();
          }}
        >
          {t('attachments.add')}
        </Button>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {t('attachments.hint')}
        </Typography.Text>
      </div>
      {items.map((item) => (
        <Flex
          key={item.key}
          align="center"
          gap={8}
          data-testid="attachment-item"
          data-state={item.error ? 'error' : item.info ? 'done' : 'uploading'}
          data-kind={item.info?.kind ?? ''}
        >
          <Typography.Text ellipsis style={{ maxWidth: 220 }} title={item.name}>
            {item.name}
          </Typography.Text>
          {item.error ? (
            <Typography.Text type="danger" data-testid="attachment-error">
              {item.error}
            </Typography.Text>
          ) : item.info ? (
            <Tag color={KIND_COLORS[item.info.kind]} data-testid="attachment-kind">
              {t(`attachments.kind.${item.info.kind}`)} · {item.info.mime}
            </Tag>
          ) : (
            <Progress
              percent={Math.round(item.progress * 100)}
              size="small"
              style={{ width: 160, margin: 0 }}
              data-testid="attachment-progress"
            />
          )}
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('attachments.remove')}
            data-testid="attachment-remove"
            onClick={() => {
              setItems((list) => list.filter((i) => i.key !== item.key));
            }}
          />
        </Flex>
      ))}
    </Flex>
  );
}
