import { PurchaseLine } from './purchase-history';

/**
 * Parses `user,order,product` rows (a header row with those names is skipped; blank lines and
 * `#` comments are ignored). Rows are taken in file order, which is read as time order.
 */
export function parsePurchaseCsv(text: string): PurchaseLine[] {
  const lines: PurchaseLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const row = raw.trim();
    if (row === '' || row.startsWith('#')) return;
    const cells = row.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    if (cells.length !== 3 || cells.some((cell) => cell === '')) {
      throw new Error(`line ${index + 1}: expected "user,order,product", got "${row}"`);
    }
    const [user, order, product] = cells;
    if (lines.length === 0 && user.toLowerCase() === 'user' && order.toLowerCase() === 'order') return;
    lines.push({ user, order, product });
  });
  return lines;
}
