import type { Dayjs } from 'dayjs';
import type { MethodInput } from '../../../../../common/contract';
import type { DutyLogKind } from '../../../../../common/contract/duty-log';
import { shanghaiDayStart } from '../../../time/dayjs';

export type LogSearchInput = Omit<MethodInput<'duty.log.search'>, 'limit'>;

export interface LogSearchFields {
  orgUnitId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  kind?: DutyLogKind;
  text?: string;
}

/** Form fields → duty.log.search input: dates are whole Shanghai days, the end day included. */
export function toLogSearch(fields: LogSearchFields): LogSearchInput {
  const input: LogSearchInput = {};
  if (fields.orgUnitId) input.orgUnitId = fields.orgUnitId;
  const [from, to] = fields.range ?? [null, null];
  if (from) input.from = shanghaiDayStart(from).valueOf();
  if (to) input.to = shanghaiDayStart(to).add(1, 'day').valueOf();
  if (fields.kind) input.kind = fields.kind;
  const text = fields.text?.trim();
  if (text) input.text = text;
  return input;
}
