import { Flex, Image, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../../common/contract';
import { useErrorText } from '../../i18n/useDisplay';
import { useAttachmentUrl } from './useAttachmentUrl';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One attachment shown with the element its type needs: a picture, an audio player, a video player. */
export function AttachmentPreview({ info }: { info: AttachmentInfo }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { url, error } = useAttachmentUrl(info);

  let body;
  if (error) body = <Typography.Text type="danger">{errorText(error)}</Typography.Text>;
  else if (!url) body = <Skeleton.Node active style={{ width: 160, height: 90 }} />;
  else if (info.kind === 'image')
    body = (
      <Image
        src={url}
        alt={info.name}
        style={{ maxWidth: 240, maxHeight: 160, borderRadius: 4, objectFit: 'contain' }}
      />
    );
  else if (info.kind === 'audio') body = <audio src={url} controls preload="metadata" style={{ width: 280 }} />;
  else
    body = (
      <video src={url} controls preload="metadata" style={{ maxWidth: 320, maxHeight: 200, background: '#000' }} />
    );

  return (
    <Flex vertical gap={4} data-testid="attachment-preview" data-kind={info.kind} data-id={info.id}>
      {body}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`attachments.kind.${info.kind}`)} · {info.name} · {formatSize(info.size)}
      </Typography.Text>
    </Flex>
  );
}

export function AttachmentGallery({ items }: { items: readonly AttachmentInfo[] }) {
  return (
    <Flex wrap gap={12}>
      {items.map((a) => (
        <AttachmentPreview key={a.id} info={a} />
      ))}
    </Flex>
  );
}
