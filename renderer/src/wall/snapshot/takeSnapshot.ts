import type { Camera } from '../../../../common/contract';
import type { Api } from '../../api';
import { uploadAttachment } from '../../orders/attachments/upload';
import { formatDateTime, inShanghai } from '../../time/dayjs';
import type { Player, PlayerManager } from '../player/types';
import { mainStreamFrame } from './mainStreamFrame';
import type { IntakePrefill } from '../../orders/intake/prefill';

export interface SnapshotTexts {
  fileName: (camera: string, time: string) => string;
  description: (camera: string, time: string) => string;
}

/**
 * Grabs the camera's current frame (from its main stream, see mainStreamFrame.ts), uploads it as an
 * attachment and answers the intake prefill for it. The time is taken when the frame is asked for,
 * in Beijing time whatever the PC's zone.
 */
export async function takeSnapshot(
  api: Api,
  manager: PlayerManager,
  player: Player,
  camera: Camera,
  texts: SnapshotTexts,
): Promise<IntakePrefill> {
  const at = Date.now();
  const { blob } = await mainStreamFrame(manager, player, camera);
  const stamp = inShanghai(at).format('YYYYMMDD-HHmmss');
  const file = new File([blob], texts.fileName(camera.name, stamp), { type: blob.type || 'image/jpeg' });
  const info = await uploadAttachment(api, file, () => undefined);
  if (!info) throw new Error('upload cancelled');
  return {
    description: texts.description(camera.name, formatDateTime(at)),
    workstationId: camera.workstationId,
    source: 'video',
    cameraId: camera.id,
    attachments: [info],
  };
}
