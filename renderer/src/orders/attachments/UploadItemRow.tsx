import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UploadItem } from './useUploads';

const KIND_COLORS = { image: 'blue', audio: 'purple', video: 'cyan' } as const;

/** One picked file: its name, then its progress, what the hub found it to be, or why it was refused. */
export function UploadItemRow({ item, onRemove }: { item: UploadItem; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex
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
        onClick={onRemove}
      />
    </Flex>
  );
}
