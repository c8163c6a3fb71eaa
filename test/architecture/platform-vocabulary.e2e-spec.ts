import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const MODULES = join(ROOT, 'src/modules');

/**
 * The words that would mean the platform knows a business module: the modules' names and the ids
 * their contracts are about. Generic examples in comments use made-up names (`reviews`).
 */
function businessWords(moduleNames: readonly string[]): RegExp {
  const ids = ['orderId', 'cartId', 'paymentId', 'productId', 'variantId', 'customerId', 'shipmentId', 'promotionId'];
  return new RegExp(`\\b(${[...moduleNames, ...ids].join('|')})\\b`, 'g');
}

/** `path:line: word` for every business word in the platform's sources (specs excluded). */
function businessWordsIn(dir: string, words: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
    .flatMap((e) => {
      const path = join(e.parentPath, e.name);
      return readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => [...line.matchAll(words)].map((m) => `${relative(ROOT, path)}:${i + 1}: ${m[1]}`));
    });
}

describe('architecture: the platform knows no business words', () => {
  const moduleNames = readdirSync(MODULES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

  it('names no business module nor a business id anywhere in src/platform', () => {
    expect(businessWordsIn(join(ROOT, 'src/platform'), businessWords(moduleNames))).toEqual([]);
  });

  it('fires on a fixture that hard-codes an order id', () => {
    expect(businessWordsIn(join(ROOT, 'test/fixtures/architecture/src/platform'), businessWords(moduleNames))).toEqual(
      expect.arrayContaining([expect.stringMatching(/delivery-partitions\.ts:\d+: orderId$/)]),
    );
  });
});
