import type { AttachmentInfo } from '../../../../common/contract';

/**
 * What the wall hands the intake form for a snapshot: the problem was seen on
 * video, at the camera's workstation, with the frame attached and the camera named on the order.
 */
export interface IntakePrefill {
  description: string;
  workstationId: string | null;
  source: 'video';
  cameraId: string;
  /** Already uploaded: the form sends their ids with its own uploads. */
  attachments: readonly AttachmentInfo[];
}
