import { ORDER_TOTAL_CAP } from '../../../../common/contract/orders';
import type { Dayjs } from 'dayjs';
import type { OrderApproval, OrderFilter, MethodInput } from '../../../../common/contract';
import type { FeedbackResult } from '../../../../common/domain/orders/feedback';
import type { OrderSource, OrderState, Urgency } from '../../../../common/domain/orders/states';
import { shanghaiDayStart } from '../../time/dayjs';

export type OrderSort = NonNullable<MethodInput<'orders.list'>['sort']>;
export const ORDER_SORTS: readonly OrderSort[] = ['created_desc', 'created_asc', 'deadline_asc', 'updated_desc'];

/** What the list shows: one filter and one sort, shared by the list and the export. */
export interface OrderListQuery {
  filter: OrderFilter;
  sort: OrderSort;
}

export const DEFAULT_QUERY: OrderListQuery = { filter: {}, sort: 'created_desc' };

/** The filter bar's controls, as the operator set them. */
export interface OrderFilterFields {
  text?: string;
  states?: OrderState[];
  /** Cascader path: [domain], [domain, sub-category] or [domain, sub-category, item]. */
  category?: string[];
  stationId?: string;
  workstationId?: string;
  departmentId?: string;
  urgency?: Urgency;
  light?: 'green' | 'yellow' | 'red';
  supervised?: 'yes' | 'no';
  source?: OrderSource;
  /** 回访结果 */
  feedbackResult?: FeedbackResult;
  /** Calendar days in Beijing time, both ends included. */
  range?: [Dayjs | null, Dayjs | null] | null;
  /** 关联事件: only the orders linked to this incident (running or closed). */
  incidentId?: number;
  /** Set by a link (the overview, the dashboards): drills left out (false) or only drills (true). */
  drill?: boolean;
  /** Set by a link: waiting for a duty chief's decision. */
  approval?: OrderApproval;
}

/** Controls → orders.list filter; empty controls are left out rather than sent as blanks. */
export function toOrderFilter(fields: OrderFilterFields): OrderFilter {
  const filter: OrderFilter = {};
  const text = fields.text?.trim();
  if (text) filter.text = text;
  if (fields.states && fields.states.length > 0) filter.states = fields.states;
  const [domainId, ...rest] = fields.category ?? [];
  if (domainId) filter.domainId = domainId;
  const categoryId = rest.at(-1);
  if (categoryId) filter.categoryId = categoryId;
  if (fields.stationId) filter.stationId = fields.stationId;
  if (fields.workstationId) filter.workstationId = fields.workstationId;
  if (fields.departmentId) filter.departmentId = fields.departmentId;
  if (fields.urgency) filter.urgency = fields.urgency;
  if (fields.light) filter.light = fields.light;
  if (fields.supervised) filter.supervised = fields.supervised === 'yes';
  if (fields.source) filter.source = fields.source;
  if (fields.feedbackResult) filter.feedbackResult = fields.feedbackResult;
  const [from, to] = fields.range ?? [];
  if (from) filter.createdFrom = shanghaiDayStart(from).startOf('day').valueOf();
  if (to) filter.createdTo = shanghaiDayStart(to).endOf('day').valueOf();
  if (fields.incidentId !== undefined) filter.incidentId = fields.incidentId;
  if (fields.drill !== undefined) filter.drill = fields.drill;
  if (fields.approval) filter.approval = fields.approval;
  return filter;
}

/** The list's total may be a capped count: the hub stops counting at ORDER_TOTAL_CAP. */
export function formatTotal(total: number): string {
  return total >= ORDER_TOTAL_CAP ? `${ORDER_TOTAL_CAP}+` : String(total);
}
