import { apiError } from '../../../../common/contract';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import type { OrderStep } from './order-step';

/** 核查不通过: back to the handler, one more rework on the record. */
const verifyFail: OrderStep = ({ row }) => ({
  fields: { reworkCount: row.reworkCount + 1 },
  detail: { rework: row.reworkCount + 1 },
});

/** 结案 / 作废: the order's clock ends now. */
const finish: OrderStep = ({ now }) => ({ fields: { closedAt: now }, detail: {} });

/** 合并: the order is closed into a main order the actor may see, itself neither merged nor voided. */
const merge: OrderStep = ({ row, input, actor, now }, { visibleRow }) => {
  if (input.parentId === undefined) {
    throw apiError('E_INVALID', '请选择合并到的主工单', 'Choose the order to merge into', { field: 'parentId' });
  }
  const parent = visibleRow(input.parentId, actor);
  if (parent.id === row.id || parent.parentId !== null || ['voided', 'merged'].includes(parent.state)) {
    throw apiError('E_CONFLICT', `不能合并到工单 ${parent.code}`, `Cannot merge into order ${parent.code}`);
  }
  return { fields: { parentId: parent.id, closedAt: now }, detail: { parentId: parent.id, parentCode: parent.code } };
};

/** Checking the work and ending the order: verification, closing, voiding, merging. */
export const CLOSING_STEPS = {
  verify_fail: verifyFail,
  close: finish,
  void: finish,
  merge,
} satisfies Partial<Record<OrderAction, OrderStep>>;
