import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Camera, CameraPlayback } from '../../../../../common/contract/cameras';
import type { CameraProtocol } from '../../../../../common/domain/cameras/stream-url';
import { useApiMutation } from '../../../api';
import { useLanguage } from '../../../stores/language';
import { markCameraErrors } from './camera-errors';

export interface CameraFields {
  name: string;
  code?: string;
  workstationId: string;
  mainUrl: string;
  subUrl?: string;
  protocol?: CameraProtocol;
  tags: string[];
  enabled: boolean;
  playback: CameraPlayback;
  transcode: boolean;
}

const FIELDS = [
  'name',
  'code',
  'workstationId',
  'mainUrl',
  'subUrl',
  'protocol',
  'tags',
  'enabled',
  'playback',
  'transcode',
] as const;

/** Empty optional text means "none" to the hub (null), not an empty string it would reject. */
function orNull(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The form's starting values: the camera's own, or a new camera's defaults. */
export function cameraFormValues(camera: Camera | null): Partial<CameraFields> {
  return camera
    ? {
        name: camera.name,
        code: camera.code ?? '',
        workstationId: camera.workstationId,
        mainUrl: camera.mainUrl,
        subUrl: camera.subUrl ?? '',
        protocol: camera.protocol,
        tags: camera.tags,
        enabled: camera.enabled,
        playback: camera.playback,
        transcode: camera.transcode,
      }
    : { tags: [], enabled: true, playback: 'auto', transcode: false };
}

/** Creates (no `camera`) or updates the camera from the form; server errors are marked on their fields. */
export function useCameraSave(form: FormInstance<CameraFields>, camera: Camera | null, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();

  const onError = (error: Parameters<typeof markCameraErrors>[1]) => {
    markCameraErrors(form, error, FIELDS, language);
  };
  const create = useApiMutation('cameras.create', {
    invalidates: ['cameras.list'],
    onSuccess: (c) => {
      void message.success(t('cameras.created', { name: c.name, id: c.id }));
      onClose();
    },
    onError,
  });
  const update = useApiMutation('cameras.update', {
    invalidates: ['cameras.list'],
    onSuccess: (c) => {
      void message.success(t('cameras.updated', { name: c.name }));
      onClose();
    },
    onError,
  });
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const submit = (f: CameraFields) => {
    const body = {
      name: f.name.trim(),
      code: orNull(f.code),
      workstationId: f.workstationId,
      // Sent as shown: a URL still holding *** tells the hub to keep the stored credential.
      mainUrl: f.mainUrl.trim(),
      subUrl: orNull(f.subUrl),
      tags: f.tags,
      enabled: f.enabled,
      playback: f.playback,
      transcode: f.transcode,
      ...(f.protocol ? { protocol: f.protocol } : {}),
    };
    if (camera) update.mutate({ id: camera.id, ...body });
    else create.mutate(body);
  };
  return { submit, pending, error };
}
