import { FieldError, ProblemException } from '../../../../platform/http';
import { isUuid } from '../../../../platform/ids';
import { isCurrency, MAX_MINOR_UNITS, multiplyExactly } from '../../../../platform/money';
import { PromotionCart } from '../../contracts';
import { CustomerFacts } from '../../domain/eligibility';
import { DiscountableLine, normalizePromotionCode } from '../../domain/promotion';

/** Lines one evaluation may carry, and codes one cart may hold. */
export const MAX_LINES = 200;
export const MAX_CODES = 10;

/** A cart-like input checked and in the domain's terms. */
export interface CheckedCart {
  readonly currency: string;
  readonly lines: readonly DiscountableLine[];
  readonly shippingAmount: number;
  readonly customer: CustomerFacts | null;
  /** The caller did not count the customer's earlier orders: promotions' read model does (ADR 0115). */
  readonly previousOrdersUnknown: boolean;
  /** The codes as typed, normalised (upper case), duplicates dropped; a malformed one is kept as typed (unknown). */
  readonly codes: readonly string[];
}

/**
 * The contract's input checked field by field (it may have crossed a network as JSON): a malformed
 * cart is a 400 validation problem naming each field, never a 500.
 */
export function checkedCart(codes: unknown, cart: PromotionCart): CheckedCart {
  const errors: FieldError[] = [];
  const c = (typeof cart === 'object' && cart !== null ? cart : {}) as Partial<PromotionCart>;
  const currency = c.currency;
  if (!isCurrency(currency)) errors.push(new FieldError('cart.currency', 'must be an ISO 4217 code'));
  const amount = (money: unknown, field: string): number => {
    const m = money as { amount?: unknown; currency?: unknown } | null;
    const value = m?.amount;
    if (
      typeof m !== 'object' ||
      m === null ||
      typeof value !== 'number' ||
      !Number.isSafeInteger(value) ||
      value < 0 ||
      value > MAX_MINOR_UNITS ||
      m.currency !== currency
    ) {
      errors.push(new FieldError(field, `must be a non-negative integer of minor units in the cart's currency`));
      return 0;
    }
    return value;
  };
  const rawLines: unknown = c.lines;
  if (!Array.isArray(rawLines) || rawLines.length === 0 || rawLines.length > MAX_LINES) {
    errors.push(new FieldError('cart.lines', `must hold 1 to ${MAX_LINES} lines`));
  }
  const seen = new Set<string>();
  const lines = (Array.isArray(rawLines) ? (rawLines as unknown[]) : []).map((raw, i): DiscountableLine => {
    const field = `cart.lines[${i}]`;
    const line = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const lineId = line.lineId;
    if (typeof lineId !== 'string' || lineId.length === 0 || lineId.length > 100 || seen.has(lineId)) {
      errors.push(new FieldError(`${field}.lineId`, 'must be a string of 1–100 characters, once per cart'));
    } else seen.add(lineId);
    if (!isUuid(line.productId)) errors.push(new FieldError(`${field}.productId`, 'must be a UUID'));
    const categoryIds = line.categoryIds;
    if (!Array.isArray(categoryIds) || categoryIds.length > 50 || !categoryIds.every((id) => isUuid(id))) {
      errors.push(new FieldError(`${field}.categoryIds`, 'must be a list of at most 50 UUIDs'));
    }
    const quantity = line.quantity;
    if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1 || quantity > 1_000_000) {
      errors.push(new FieldError(`${field}.quantity`, 'must be an integer from 1 to 1000000'));
    }
    const unit = amount(line.unitPrice, `${field}.unitPrice`);
    const ok = typeof quantity === 'number' && Number.isSafeInteger(quantity) && quantity >= 1;
    let total = 0;
    try {
      total = ok ? multiplyExactly(unit, quantity) : 0;
    } catch {
      errors.push(new FieldError(`${field}.quantity`, 'unit price × quantity is beyond 2^53 − 1'));
    }
    return {
      lineId: String(lineId),
      productId: String(line.productId).toLowerCase(),
      categoryIds: Array.isArray(categoryIds) ? categoryIds.map((id) => String(id).toLowerCase()) : [],
      amount: total,
    };
  });
  const shippingAmount = c.shippingTotal == null ? 0 : amount(c.shippingTotal, 'cart.shippingTotal');
  const customer = c.customer as { customerId?: unknown; previousOrders?: unknown } | null | undefined;
  if (customer != null) {
    if (!isUuid(customer.customerId)) errors.push(new FieldError('cart.customer.customerId', 'must be a UUID'));
    const previous = customer.previousOrders;
    if (previous !== null && !(typeof previous === 'number' && Number.isSafeInteger(previous) && previous >= 0)) {
      errors.push(new FieldError('cart.customer.previousOrders', 'must be a non-negative integer or null'));
    }
  }
  if (!Array.isArray(codes) || codes.length > MAX_CODES || !codes.every((code) => typeof code === 'string')) {
    errors.push(new FieldError('codes', `must be a list of at most ${MAX_CODES} codes`));
  }
  if (errors.length > 0) throw ProblemException.validation(errors, 'The promotions got a malformed cart.');
  const previousOrders = customer?.previousOrders;
  return {
    currency: currency!,
    lines,
    shippingAmount,
    customer:
      customer == null
        ? null
        : { customerId: String(customer.customerId).toLowerCase(), previousOrders: Number(previousOrders ?? 0) },
    previousOrdersUnknown: customer != null && previousOrders == null,
    codes: [...new Set((codes as string[]).map((code) => normalizePromotionCode(code) ?? code.trim().slice(0, 64)))],
  };
}
