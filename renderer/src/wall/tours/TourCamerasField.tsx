import { Button, Form, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCameraMap } from '../cameras/useCameraMap';
import { useWallStore } from '../store';

function useCameraOptions() {
  const { cameras } = useCameraMap();
  return useMemo(
    () => [...cameras.values()].map((c) => ({ value: c.id, label: `${c.name}（${c.id}）`, disabled: !c.enabled })),
    [cameras],
  );
}

/** The tour's cameras in order, with a button that takes the cameras on the wall now. */
export function TourCamerasField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const options = useCameraOptions();
  return (
    <Form.Item
      name="cameras"
      label={t('wall.tours.cameras')}
      rules={[{ required: true, type: 'array', min: 1 }]}
      extra={
        <Button
          size="small"
          type="link"
          style={{ padding: 0 }}
          data-testid="wall-tour-from-wall"
          onClick={() => {
            form.setFieldValue(
              'cameras',
              useWallStore.getState().cells.filter((c) => c !== null),
            );
          }}
        >
          {t('wall.tours.camerasFromWall')}
        </Button>
      }
    >
      <Select
        mode="multiple"
        showSearch={{ optionFilterProp: 'label' }}
        options={options}
        data-testid="wall-tour-cameras"
      />
    </Form.Item>
  );
}
