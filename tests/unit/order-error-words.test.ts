import { describe, expect, it } from 'vitest';
import {
  ORDER_ACTION_NAMES,
  orderConflictMessage,
  orderForbiddenMessage,
} from '../../common/domain/orders/action-names';
import { ORDER_STATES } from '../../common/domain/orders/states';
import { ORDER_ACTIONS } from '../../common/domain/orders/transitions';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';

const LATIN_WORD = /[A-Za-z]{2,}/;
const CJK = /[\u3400-\u9fff]/;

describe('order step errors name state and action in the message language only', () => {
  it('the conflict message reads 「工单当前状态为 待立案，不能结案」 with no codes', () => {
    expect(orderConflictMessage('accepted', null, 'close')).toEqual({
      zh: '工单当前状态为 待立案，不能结案',
      en: 'The order is “Accepted”; “Close” is not possible now',
    });
    expect(orderConflictMessage('handling', 'extension', 'complete').zh).toBe(
      '工单当前状态为 处置中（延时申请待审批），不能处置完成',
    );
  });

  it('every state × pending × action: zh has no Latin word, en no Chinese character', () => {
    for (const state of ORDER_STATES)
      for (const pending of [null, 'extension', 'park'] as const)
        for (const action of ORDER_ACTIONS) {
          const m = orderConflictMessage(state, pending, action);
          expect(m.zh, `${state} ${pending} ${action}`).not.toMatch(LATIN_WORD);
          expect(m.en, `${state} ${pending} ${action}`).not.toMatch(CJK);
          expect(m.en).not.toContain(action === 'void' ? '"void"' : `“${action}”`);
        }
    for (const action of ORDER_ACTIONS) {
      const m = orderForbiddenMessage(action);
      expect(m.zh).not.toMatch(LATIN_WORD);
      expect(m.en).not.toMatch(CJK);
    }
  });

  it("main's action names are the console's (orders.action.* in zh-CN.ts and en.ts)", () => {
    for (const [action, names] of Object.entries(ORDER_ACTION_NAMES)) {
      expect(zhCN.orders.action[action as keyof typeof zhCN.orders.action]).toBe(names.zh);
      expect(en.orders.action[action as keyof typeof en.orders.action]).toBe(names.en);
    }
    expect(Object.keys(ORDER_ACTION_NAMES).sort()).toEqual(Object.keys(zhCN.orders.action).sort());
  });
});
