import { Form, InputNumber, Select } from 'antd';
import { BIGSCREEN_DWELL_MAX_S, BIGSCREEN_DWELL_MIN_S } from '../../../../common/contract/bigscreen';
import { useTranslation } from 'react-i18next';
import { useCameraMap } from '../cameras/useCameraMap';
import { MAX_TILES } from '../layouts';
import type { PushKind } from './usePushToWindow';

interface Named {
  id: number;
  name: string;
}

/** What the push sends, by kind: the camera, view or tour, and the tile (not for a view); the big screen's dwell. */
export function PushTargetFields({
  kind,
  views,
  tours,
}: {
  kind: PushKind | undefined;
  views: readonly Named[];
  tours: readonly Named[];
}) {
  const { t } = useTranslation();
  const { cameras } = useCameraMap();
  const slotOptions = [
    { value: -1, label: t('wall.push.slotAuto') },
    ...Array.from({ length: MAX_TILES }, (_, i) => ({ value: i, label: t('wall.push.slotN', { n: i + 1 }) })),
  ];
  return (
    <>
      {kind === 'camera' && (
        <Form.Item name="cameraId" label={t('wall.push.camera')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="wall-push-camera"
            options={[...cameras.values()].map((c) => ({ value: c.id, label: `${c.name}（${c.id}）` }))}
          />
        </Form.Item>
      )}
      {kind === 'view' && (
        <Form.Item name="viewId" label={t('wall.push.view')} rules={[{ required: true }]}>
          <Select data-testid="wall-push-view" options={views.map((v) => ({ value: v.id, label: v.name }))} />
        </Form.Item>
      )}
      {kind === 'tour' && (
        <Form.Item name="tourId" label={t('wall.push.tour')} rules={[{ required: true }]}>
          <Select data-testid="wall-push-tour" options={tours.map((v) => ({ value: v.id, label: v.name }))} />
        </Form.Item>
      )}
      {kind === 'bigscreen' && (
        <Form.Item name="dwellSeconds" label={t('wall.push.dwell')} rules={[{ required: true }]}>
          <InputNumber
            min={BIGSCREEN_DWELL_MIN_S}
            max={BIGSCREEN_DWELL_MAX_S}
            precision={0}
            suffix={t('wall.push.seconds')}
            data-testid="wall-push-dwell"
          />
        </Form.Item>
      )}
      {(kind === 'camera' || kind === 'tour') && (
        <Form.Item name="slot" label={t('wall.push.slot')}>
          {/* Searchable: an operator types the tile's number (12 → 第 12 格) rather than scrolling 37 rows. */}
          <Select showSearch={{ optionFilterProp: 'label' }} data-testid="wall-push-slot" options={slotOptions} />
        </Form.Item>
      )}
    </>
  );
}
