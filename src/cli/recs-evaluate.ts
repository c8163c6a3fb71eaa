import { readFileSync } from 'node:fs';
import {
  DEFAULT_SYNTHETIC_HISTORY,
  generatePurchaseHistory,
} from '../modules/recommendations/domain/evaluation/synthetic-history';
import { evaluateRecommenders } from '../modules/recommendations/domain/evaluation/offline-evaluation';
import { parsePurchaseCsv } from '../modules/recommendations/domain/evaluation/purchase-history-csv';
import { PurchaseLine } from '../modules/recommendations/domain/evaluation/purchase-history';
import { messageOf } from '../platform/errors';
import { option, positiveInt } from './cli-options';

/**
 * `npm run recs:evaluate [-- --csv path] [--users N] [--products N] [--seed N]`: offline
 * leave-last-order-out evaluation of item-to-item against the popularity baseline. No database.
 */
const csv = option('csv');
let lines: PurchaseLine[];
let source: string;
if (csv) {
  try {
    lines = parsePurchaseCsv(readFileSync(csv, 'utf8'));
  } catch (error) {
    console.error(`${csv}: ${messageOf(error)}`);
    process.exit(2);
  }
  source = csv;
} else {
  const generator = {
    ...DEFAULT_SYNTHETIC_HISTORY,
    users: positiveInt('users', DEFAULT_SYNTHETIC_HISTORY.users),
    products: positiveInt('products', DEFAULT_SYNTHETIC_HISTORY.products),
    seed: positiveInt('seed', DEFAULT_SYNTHETIC_HISTORY.seed),
  };
  lines = generatePurchaseHistory(generator);
  source = `generated (${generator.users} users, ${generator.products} products in bundles of ${generator.bundleSize}, noise ${generator.noise}, Zipf skew ${generator.skew}, seed ${generator.seed})`;
}

const k = 10;
const started = performance.now();
const report = evaluateRecommenders(lines, {
  k,
  neighbours: positiveInt('neighbours', 50),
  halfLifeDays: positiveInt('half-life-days', 30),
  msBetweenOrders: 3_600_000,
});
const fmt = (x: number) => x.toFixed(4);
console.log(`history:   ${source}`);
console.log(`           ${report.lines} lines, ${report.orders} orders, ${report.products} products`);
console.log(`protocol:  leave each user's last order out; ${report.testUsers} test users; K = ${k}`);
console.log('');
console.log(`recommender      HitRate@${k}  NDCG@${k}`);
console.log(`item-to-item     ${fmt(report.itemToItem.hitRate)}      ${fmt(report.itemToItem.ndcg)}`);
console.log(`popularity       ${fmt(report.popularity.hitRate)}      ${fmt(report.popularity.ndcg)}`);
const lift = report.popularity.hitRate > 0 ? report.itemToItem.hitRate / report.popularity.hitRate : Infinity;
console.log('');
console.log(
  `item-to-item / popularity HitRate@${k}: ${lift.toFixed(2)}x  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
