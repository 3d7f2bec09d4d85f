import { Alert, App, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../common/contract';
import { openOrder } from '../../orders/drawer/store';
import { IntakeForm } from '../../orders/intake/IntakeForm';
import type { IntakePrefill } from '../../orders/intake/prefill';

export interface SnapshotDraft {
  camera: Camera;
  prefill: IntakePrefill;
}

/**
 * The intake form over the wall, prefilled from a snapshot: the wall keeps playing behind it. Once
 * the order is registered the drawer gives way to the order itself.
 */
export function SnapshotIntakeDrawer({ draft, onClose }: { draft: SnapshotDraft | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Drawer
      open={draft !== null}
      onClose={onClose}
      size={1100}
      destroyOnHidden
      title={t('wall.snapshot.heading')}
      data-testid="wall-snapshot-drawer"
    >
      {draft && (
        <IntakeForm
          key={draft.prefill.attachments[0]?.id ?? draft.camera.id}
          prefill={draft.prefill}
          banner={
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="wall-snapshot-camera"
              title={t('wall.snapshot.camera', { name: draft.camera.name, id: draft.camera.id })}
            />
          }
          onCreated={(order) => {
            void message.success(t('wall.snapshot.created', { code: order.code }));
            onClose();
            openOrder(order.id);
          }}
        />
      )}
    </Drawer>
  );
}
