import { stockSignals } from './stock-signals';

describe('stockSignals', () => {
  it('signals going out of stock and coming back, and nothing in between', () => {
    expect(stockSignals(1, 0, 0).inStockChanged).toBe(false);
    expect(stockSignals(0, 3, 0).inStockChanged).toBe(true);
    expect(stockSignals(5, 3, 0).inStockChanged).toBeUndefined();
    expect(stockSignals(0, 0, 0).inStockChanged).toBeUndefined();
  });

  it('signals low stock once, when the threshold is crossed downwards', () => {
    expect(stockSignals(6, 5, 5).becameLow).toBe(true);
    expect(stockSignals(10, 0, 5).becameLow).toBe(true);
    expect(stockSignals(5, 4, 5).becameLow).toBe(false);
    expect(stockSignals(3, 8, 5).becameLow).toBe(false);
    expect(stockSignals(8, 6, 5).becameLow).toBe(false);
  });
});
