import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallTour } from '../../../../common/contract';
import { WALL_LAYOUT_NAMES } from '../../../../common/domain/wall/layouts';
import { TOUR_DWELL_MAX_S, TOUR_DWELL_MIN_S } from '../../../../common/domain/wall/tours';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';
import { ScopeField } from '../forms/ScopeField';
import { LAYOUT_IDS } from '../layouts';
import { useWallStore } from '../store';
import { TourCamerasField } from './TourCamerasField';
import { useTourSave, type TourFields } from './useTourSave';

const DEFAULT_DWELL_S = 15;

function initial(tour: WallTour | null): TourFields {
  const wall = useWallStore.getState();
  return tour
    ? {
        name: tour.name,
        scope: tour.scope,
        mode: tour.mode,
        layout: tour.layout ?? wall.layoutId,
        cameras: tour.cameras,
        dwellSeconds: tour.dwellSeconds,
      }
    : {
        name: '',
        scope: 'personal',
        mode: 'wall',
        layout: wall.layoutId,
        cameras: wall.cells.filter((c) => c !== null),
        dwellSeconds: DEFAULT_DWELL_S,
      };
}

/** Creates or edits a tour (轮巡): cameras in order, the dwell time, the whole wall or one tile. */
export function TourEditor({ tour, open, onClose }: { tour: WallTour | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const errorText = useErrorText();
  const [form] = Form.useForm<TourFields>();
  const mode = Form.useWatch('mode', form);
  const { save, submit } = useTourSave(tour, form, onClose);

  // Read when the dialog opens: a new tour starts from the cameras on the wall now.
  const initialValues = useMemo(() => (open ? initial(tour) : undefined), [open, tour]);

  return (
    <Modal
      open={open}
      title={tour ? t('wall.tours.edit') : t('wall.tours.create')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'wall-tour-save' }}
      onOk={() => {
        form.submit();
      }}
      width={640}
    >
      <Form<TourFields>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        data-testid="wall-tour-form"
        onFinish={submit}
      >
        <Form.Item name="name" label={t('wall.tours.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          {/* The dialog opens on its first field. */}
          <Input autoFocus maxLength={40} data-testid="wall-tour-name" />
        </Form.Item>
        <ScopeField testId="wall-tour-scope" />
        <Form.Item name="mode" label={t('wall.tours.mode')}>
          <Radio.Group
            data-testid="wall-tour-mode"
            options={[
              { value: 'wall', label: t('wall.tours.modeWall') },
              { value: 'tile', label: t('wall.tours.modeTile') },
            ]}
          />
        </Form.Item>
        {mode !== 'tile' && (
          <Form.Item name="layout" label={t('wall.tours.layout')}>
            <Select
              data-testid="wall-tour-layout"
              options={LAYOUT_IDS.map((id) => ({ value: id, label: pick(WALL_LAYOUT_NAMES[id]) }))}
            />
          </Form.Item>
        )}
        <TourCamerasField />
        <Form.Item name="dwellSeconds" label={t('wall.tours.dwell')} rules={[{ required: true }]}>
          <InputNumber min={TOUR_DWELL_MIN_S} max={TOUR_DWELL_MAX_S} precision={0} data-testid="wall-tour-dwell" />
        </Form.Item>
        {save.error && <Alert type="error" showIcon title={errorText(save.error)} data-testid="wall-tour-error" />}
      </Form>
    </Modal>
  );
}
