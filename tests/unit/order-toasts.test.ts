import { describe, expect, it } from 'vitest';
import { ORDER_ACTIONS } from '../../common/domain/orders/transitions';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

describe('the toast after an order action', () => {
  it('says what happened once, in each language, for every action', () => {
    for (const action of ORDER_ACTIONS) {
      const zhName = zhCN.orders.action[action];
      const zh = fill(zhCN.orders.act.done, { code: 'HQ20261202-0001', action: zhName });
      expect(zh).toBe(`HQ20261202-0001：已${zhName}`);
      // "处置完成完成" said the word twice; a request ("申请延时") is only submitted, not "done".
      expect(zh).not.toMatch(/(.{2,})\1/u);
      const enText = fill(en.orders.act.done, { code: 'HQ20261202-0001', action: en.orders.action[action] });
      expect(enText).not.toMatch(/\bdone\b/i);
    }
  });
});
