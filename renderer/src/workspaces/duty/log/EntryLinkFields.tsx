import { Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { CAMERA_VIEWERS } from '../../../../../common/contract/cameras';
import { AttachmentUploader } from '../../../orders/attachments/AttachmentUploader';
import { hasAnyRole } from '../../../orders/roles';
import { useUser } from '../../../stores/session';
import { CameraPicker } from './CameraPicker';
import { OrderPicker } from './OrderPicker';
import type { EntryComposerState } from './useEntryComposer';

/** What an entry links to: orders, cameras (for those who may see them) and attachments. */
export function EntryLinkFields({ composer }: { composer: EntryComposerState }) {
  const { orders, setOrders, cameras, setCameras, uploaderKey, onUploads } = composer;
  const { t } = useTranslation();
  const canSeeCameras = hasAnyRole(useUser().roles, CAMERA_VIEWERS);
  return (
    <Flex gap={16} wrap align="start">
      <Form.Item label={t('duty.compose.orders')} style={{ marginBottom: 8 }}>
        <OrderPicker value={orders} onChange={setOrders} />
      </Form.Item>
      {canSeeCameras && (
        <Form.Item label={t('duty.compose.cameras')} style={{ marginBottom: 8 }}>
          <CameraPicker value={cameras} onChange={setCameras} />
        </Form.Item>
      )}
      <Form.Item label={t('duty.log.attachments')} style={{ marginBottom: 8 }}>
        <AttachmentUploader key={uploaderKey} testId="duty-attachments" onChange={onUploads} />
      </Form.Item>
    </Flex>
  );
}
