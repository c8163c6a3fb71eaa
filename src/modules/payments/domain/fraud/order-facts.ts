import { createHash } from 'node:crypto';

/** A shipping address as the order carries it. */
export interface ShippingAddressText {
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

/**
 * A stable key of a shipping address: lower-cased, accents and punctuation dropped, spaces
 * collapsed, then SHA-256 (hex, 32 characters). Two spellings of one address ("12, Rue de la Paix"
 * and "12 rue de la paix") give the same key; payments stores the key, never the text.
 */
export function shippingAddressKey(address: ShippingAddressText): string {
  const part = (text: string | null | undefined) =>
    (text ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const normalised = [address.line1, address.line2, address.postalCode, address.city, address.country].map(part);
  return createHash('sha256').update(normalised.join('|')).digest('hex').slice(0, 32);
}

/** One line of the order being paid. */
export interface PaidLine {
  readonly productId: string;
  readonly quantity: number;
  /** Minor units. */
  readonly unitPrice: number;
}

/**
 * Minor units of the basket spent on resellable high-value goods: lines whose product is in one of
 * the `resellable` categories (what payments learnt of the product's categories from catalog).
 */
export function resellableAmount(
  lines: readonly PaidLine[],
  categoriesOf: ReadonlyMap<string, readonly string[]>,
  resellable: ReadonlySet<string>,
): number {
  let total = 0;
  for (const line of lines) {
    const categories = categoriesOf.get(line.productId) ?? [];
    if (categories.some((category) => resellable.has(category))) total += line.quantity * line.unitPrice;
  }
  return total;
}
