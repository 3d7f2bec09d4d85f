import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UploadItemRow } from './UploadItemRow';
import { useUploads, type UploadState } from './useUploads';

export type { UploadState } from './useUploads';

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
  const input = useRef<HTMLInputElement>(null);
  const { items, start, remove } = useUploads(onChange);
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
        <UploadItemRow
          key={item.key}
          item={item}
          onRemove={() => {
            remove(item.key);
          }}
        />
      ))}
    </Flex>
  );
}
