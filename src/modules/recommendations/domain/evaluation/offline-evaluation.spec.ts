import { holdOutLastOrders, toBaskets } from './purchase-history';
import { parsePurchaseCsv } from './purchase-history-csv';
import { evaluateRecommenders } from './offline-evaluation';
import { generatePurchaseHistory, DEFAULT_SYNTHETIC_HISTORY } from './synthetic-history';

describe('purchase histories', () => {
  it('parses user,order,product rows, skipping a header, blanks and comments', () => {
    const lines = parsePurchaseCsv('user,order,product\n# note\nu1,o1,a\n\nu1,o1,b\r\nu2,o2,a\n');
    expect(lines).toEqual([
      { user: 'u1', order: 'o1', product: 'a' },
      { user: 'u1', order: 'o1', product: 'b' },
      { user: 'u2', order: 'o2', product: 'a' },
    ]);
    expect(() => parsePurchaseCsv('u1,o1\n')).toThrow('line 1');
  });

  it("holds out each user's last order when they have two or more", () => {
    const baskets = toBaskets(parsePurchaseCsv('u1,o1,a\nu2,o2,a\nu1,o3,b\nu1,o3,c\n'));
    const { training, heldOut } = holdOutLastOrders(baskets);
    expect(heldOut.map((b) => b.order)).toEqual(['o3']);
    expect(training.map((b) => b.order)).toEqual(['o1', 'o2']);
  });

  it('generates the same history for the same seed', () => {
    const small = { ...DEFAULT_SYNTHETIC_HISTORY, users: 50, products: 80 };
    expect(generatePurchaseHistory(small)).toEqual(generatePurchaseHistory(small));
  });
});

describe('offline evaluation', () => {
  it('finds the planted bundles: item-to-item beats popularity on HitRate@10', () => {
    const lines = generatePurchaseHistory({ ...DEFAULT_SYNTHETIC_HISTORY, users: 600, products: 400 });
    const report = evaluateRecommenders(lines, { k: 10, neighbours: 50, halfLifeDays: 30, msBetweenOrders: 3_600_000 });
    expect(report.testUsers).toBeGreaterThan(300);
    expect(report.itemToItem.hitRate).toBeGreaterThan(report.popularity.hitRate);
    expect(report.itemToItem.ndcg).toBeGreaterThan(report.popularity.ndcg);
  });
});
