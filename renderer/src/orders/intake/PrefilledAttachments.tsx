import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../../common/contract';
import { AttachmentPreview } from '../attachments/AttachmentPreview';

/** The snapshot already attached to the order being taken in, shown above the form's own uploads. */
export function PrefilledAttachments({ items }: { items: readonly AttachmentInfo[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Flex vertical gap={4} style={{ marginBottom: 8 }} data-testid="intake-prefilled-attachments">
      <Typography.Text type="secondary">{t('wall.snapshot.attached')}</Typography.Text>
      <Flex wrap gap={12}>
        {items.map((a) => (
          <AttachmentPreview key={a.id} info={a} />
        ))}
      </Flex>
    </Flex>
  );
}
