import { describe, expect, it } from 'vitest';
import { rowIndexAfterKey } from '../../renderer/src/orders/workspace/rowKeys';

describe('order list keyboard: where a key moves the active row', () => {
  it('moves by one, by a page, and to either end, staying inside the list', () => {
    expect(rowIndexAfterKey('ArrowDown', 0, 5, 3)).toBe(1);
    expect(rowIndexAfterKey('ArrowUp', 1, 5, 3)).toBe(0);
    expect(rowIndexAfterKey('ArrowUp', 0, 5, 3)).toBe(0);
    expect(rowIndexAfterKey('ArrowDown', 4, 5, 3)).toBe(4);
    expect(rowIndexAfterKey('PageDown', 1, 5, 3)).toBe(4);
    expect(rowIndexAfterKey('PageDown', 3, 5, 3)).toBe(4);
    expect(rowIndexAfterKey('PageUp', 4, 5, 3)).toBe(1);
    expect(rowIndexAfterKey('PageUp', 1, 5, 3)).toBe(0);
    expect(rowIndexAfterKey('Home', 3, 5, 3)).toBe(0);
    expect(rowIndexAfterKey('End', 0, 5, 3)).toBe(4);
  });

  it('ignores other keys and an empty list', () => {
    expect(rowIndexAfterKey('Enter', 2, 5, 3)).toBeNull();
    expect(rowIndexAfterKey('a', 2, 5, 3)).toBeNull();
    expect(rowIndexAfterKey('ArrowDown', 0, 0, 3)).toBeNull();
  });
});
