import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WallTour } from '../../../../common/contract';
import type { WallLayoutId } from '../../../../common/domain/wall/layouts';
import type { WallTourMode } from '../../../../common/domain/wall/tours';
import type { WallScope } from '../../../../common/domain/wall/access';
import { useApiMutation } from '../../api';
import { useBilingual } from '../../i18n/useDisplay';
import { markWallFieldErrors } from '../forms/wallFieldErrors';

/** The tour editor's fields. */
export interface TourFields {
  name: string;
  scope: WallScope;
  mode: WallTourMode;
  layout: WallLayoutId;
  cameras: string[];
  dwellSeconds: number;
}

const FIELDS = ['name', 'scope', 'mode', 'layout', 'cameras', 'dwellSeconds'] as const;

/**
 * Saves the tour being edited (`tour`; null: a new one): closes the dialog with a message, or
 * marks the fields the hub refused.
 */
export function useTourSave(tour: WallTour | null, form: FormInstance<TourFields>, onClose: () => void) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { message } = App.useApp();
  const save = useApiMutation('wall.tours.save', {
    invalidates: ['wall.tours.list'],
    onSuccess: (saved) => {
      void message.success(t('wall.tours.saved', { name: saved.name }));
      onClose();
    },
    onError: (error) => {
      markWallFieldErrors(form as FormInstance, error, FIELDS, pick);
    },
  });
  const submit = (f: TourFields) => {
    save.mutate({
      ...(tour ? { id: tour.id } : {}),
      name: f.name,
      scope: f.scope,
      mode: f.mode,
      layout: f.mode === 'wall' ? f.layout : null,
      cameras: f.cameras,
      dwellSeconds: f.dwellSeconds,
    });
  };
  return { save, submit };
}
