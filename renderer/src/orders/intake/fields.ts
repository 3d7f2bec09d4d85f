import type { MethodInput } from '../../../../common/contract';
import type { OrderSource, ResponseLevel, Urgency } from '../../../../common/domain/orders/states';
import type { Role } from '../../../../common/domain/roles';
import { defaultSource } from './defaults';
import type { IntakePrefill } from './prefill';

/** The intake form's values. */
export interface IntakeFields {
  title: string;
  description: string;
  categoryId?: string;
  workstationId: string | null;
  address: string;
  source: Exclude<OrderSource, 'open311'>;
  reporterName: string;
  reporterPhone: string;
  urgency: Urgency;
  responseLevel: ResponseLevel;
}

/** The fields a server error may name (marked on the form). */
export const INTAKE_FIELDS = [
  'title',
  'description',
  'categoryId',
  'workstationId',
  'address',
  'source',
  'reporterName',
  'reporterPhone',
  'urgency',
  'responseLevel',
] as const;

export const required = (message: string) => ({ required: true, message });

/** An empty form for this operator, or the wall snapshot's fields. */
export function intakeInitialValues(
  roles: readonly Role[],
  responseLevel: ResponseLevel,
  prefill: IntakePrefill | undefined,
): Partial<IntakeFields> {
  return {
    title: '',
    description: '',
    workstationId: null,
    address: '',
    source: defaultSource(roles) as IntakeFields['source'],
    reporterName: '',
    reporterPhone: '',
    urgency: 'normal',
    responseLevel,
    ...(prefill && {
      description: prefill.description,
      workstationId: prefill.workstationId,
      source: prefill.source,
    }),
  };
}

/** What orders.create gets from the form: trimmed text, the snapshot's and the form's attachments. */
export function intakeInput(
  f: IntakeFields & { categoryId: string },
  prefill: IntakePrefill | undefined,
  uploadIds: readonly number[],
): MethodInput<'orders.create'> {
  return {
    title: f.title.trim(),
    description: f.description.trim(),
    categoryId: f.categoryId,
    workstationId: f.workstationId ?? null,
    address: f.address.trim(),
    source: f.source,
    reporterName: f.reporterName.trim() || null,
    reporterPhone: f.reporterPhone.trim() || null,
    urgency: f.urgency,
    responseLevel: f.responseLevel,
    attachmentIds: [...(prefill?.attachments.map((a) => a.id) ?? []), ...uploadIds],
    cameraId: prefill?.cameraId ?? null,
    acceptNow: true,
  };
}
