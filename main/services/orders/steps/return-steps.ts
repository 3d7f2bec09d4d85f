import type { OrderAction } from '../../../../common/domain/orders/transitions';
import type { OrderStep } from './order-step';

/** 退单: the handler asks to give the order back; the state it was in is kept for a refusal. */
const requestReturn: OrderStep = ({ row }) => ({ fields: { previousState: row.state }, detail: {} });

/** An approved 退单: the order is nobody's again (the center dispatches it anew). */
const approveReturn: OrderStep = ({ row }) => ({
  fields: { handlerKind: null, handlerId: null, handlerName: null, stationId: null, previousState: null },
  detail: { returnedBy: row.handlerName },
});

/** A refused 退单: back to the handler in the state it was in. */
const rejectReturn: OrderStep = () => ({ fields: { previousState: null }, detail: {} });

/** Giving an order back (退单) and the chief's decision on it. */
export const RETURN_STEPS = {
  request_return: requestReturn,
  approve_return: approveReturn,
  reject_return: rejectReturn,
} satisfies Partial<Record<OrderAction, OrderStep>>;
