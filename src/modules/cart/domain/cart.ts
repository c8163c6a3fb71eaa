import type { Money } from '../../../platform/money';
import { CartLine } from './cart-line';
import { CartRuleViolation } from './cart-errors';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, MAX_PROMOTION_CODES, MIN_LINE_QUANTITY } from './cart-limits';
import { PricedVariant } from './priced-variant';
import { composeBreakdown, TotalsBreakdown } from './totals-breakdown';

/** `open` carts take changes; `claimed` (merged into a customer's cart) and `checked_out` are retired. */
export type CartStatus = 'open' | 'claimed' | 'checked_out';

export interface CartState {
  readonly id: string;
  /** Null for a guest cart, whose unguessable id is the capability to use it. */
  readonly customerId: string | null;
  readonly status: CartStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lines: readonly CartLine[];
  /** The shipping method the customer chose; null while none is. */
  readonly shipping: ChosenShipping | null;
  /** The promotion codes applied, in the order applied, upper case (promotions decides whether each applies). */
  readonly promotionCodes: readonly string[];
}

/** A shipping method as chosen for the cart, at the price shipping quoted and the customer accepted. */
export interface ChosenShipping {
  readonly methodId: string;
  readonly name: string;
  /** The destination it was quoted for (ISO 3166-1 alpha-2). */
  readonly country: string;
  /** The quoted price the customer accepted, in the cart's currency. */
  readonly price: Money;
  /**
   * The lines (or their accepted prices) changed since the quote: the price may no longer be the
   * current one. Choosing the method again re-quotes it; checkout re-quotes it anyway and refuses a
   * different price (409 `shipping-price-changed`).
   */
  readonly stale: boolean;
}

/** One line as pricing sees it: the price it is priced at (current or accepted) and what promotions and tax need. */
export interface PricingLine {
  readonly lineId: string;
  readonly variantId: string;
  readonly productId: string;
  readonly categoryIds: readonly string[];
  readonly taxCategory: string | null;
  readonly unitPrice: Money;
  readonly quantity: number;
}

/** What the cart is priced on: its currency, the lines in it, the shipping counted. */
export interface PricingBasis {
  readonly currency: string;
  readonly lines: readonly PricingLine[];
  /** The chosen method, counted only while there are lines and its price is in the cart's currency. */
  readonly shipping: ChosenShipping | null;
}

/** The totals breakdown (ADR 0107) at the lines' current prices, plus how many items. */
export interface CartTotals extends Omit<TotalsBreakdown, 'lines' | 'shipping'> {
  readonly itemCount: number;
}

type NewId = () => string;

export function assertQuantity(quantity: unknown): asserts quantity is number {
  if (
    typeof quantity !== 'number' ||
    !Number.isInteger(quantity) ||
    quantity < MIN_LINE_QUANTITY ||
    quantity > MAX_LINE_QUANTITY
  ) {
    throw new CartRuleViolation(
      'invalid-quantity',
      `Quantity must be an integer from ${MIN_LINE_QUANTITY} to ${MAX_LINE_QUANTITY}.`,
    );
  }
}

/**
 * A guest's or a customer's cart. Holds one currency (that of its first line); every change is
 * checked against what catalog reports for the variant right now. Methods validate before they
 * mutate, so a refused change leaves the cart as it was.
 */
export class Cart {
  private constructor(private state: CartState) {}

  static open(id: string, customerId: string | null, now: Date): Cart {
    return new Cart({
      id,
      customerId,
      status: 'open',
      createdAt: now,
      updatedAt: now,
      lines: [],
      shipping: null,
      promotionCodes: [],
    });
  }

  static restore(state: CartState): Cart {
    return new Cart(state);
  }

  get id(): string {
    return this.state.id;
  }

  get customerId(): string | null {
    return this.state.customerId;
  }

  get status(): CartStatus {
    return this.state.status;
  }

  get lines(): readonly CartLine[] {
    return this.state.lines;
  }

  get shipping(): ChosenShipping | null {
    return this.state.shipping;
  }

  get promotionCodes(): readonly string[] {
    return this.state.promotionCodes;
  }

  /** How many items (Σ quantities), lines in any currency. */
  get itemCount(): number {
    return this.state.lines.reduce((n, line) => n + line.quantity, 0);
  }

  snapshot(): CartState {
    return this.state;
  }

  get isGuest(): boolean {
    return this.state.customerId === null;
  }

  /** Who may see and change it: anyone holding a guest cart's id; only its customer otherwise. */
  isAccessibleTo(userId: string | undefined, now: Date, guestTtlMs: number): boolean {
    if (this.state.status !== 'open') return false;
    if (this.isGuest) return now.getTime() - this.state.updatedAt.getTime() < guestTtlMs;
    return this.state.customerId === userId;
  }

  /** The cart's currency: its lines', or the given default while it is empty. */
  currency(fallback: string): string {
    return this.state.lines[0]?.unitPrice.currency ?? fallback;
  }

  /**
   * What pricing works on, at the lines' current prices (what the cart shows) or the prices the
   * customer accepted (what checkout charges). A line priced in another currency than the cart's (its
   * first line's) cannot be added to the others: it is left out (checkout refuses such a cart with
   * `currency-mismatch`), though `itemCount` counts it. Shipping is the chosen method's accepted price,
   * counted only while the cart has lines in that price's currency.
   */
  pricingBasis(defaultCurrency: string, prices: 'current' | 'accepted'): PricingBasis {
    const priceOf = (line: CartLine) => (prices === 'current' ? line.unitPrice : line.acceptedUnitPrice);
    const first = this.state.lines[0];
    const currency = first ? priceOf(first).currency : defaultCurrency;
    const lines = this.state.lines
      .filter((line) => priceOf(line).currency === currency)
      .map((line) => ({
        lineId: line.id,
        variantId: line.variantId,
        productId: line.productId,
        categoryIds: line.categoryIds,
        taxCategory: line.taxCategory,
        unitPrice: priceOf(line),
        quantity: line.quantity,
      }));
    return { currency, lines, shipping: this.countedShipping(currency) };
  }

  /**
   * The breakdown at the lines' current prices with no discount and no tax: what the cart shows when
   * neither promotions nor tax could be asked (the application's pricing adds them, ADR 0107).
   */
  totals(defaultCurrency: string): CartTotals {
    const basis = this.pricingBasis(defaultCurrency, 'current');
    const zero = { amount: 0, currency: basis.currency };
    const breakdown = composeBreakdown({
      currency: basis.currency,
      taxIncluded: false,
      lines: basis.lines.map((line) => ({ ...line, discount: zero, tax: zero })),
      shipping: basis.shipping && { price: basis.shipping.price, discount: zero, tax: zero },
    });
    return {
      taxIncluded: breakdown.taxIncluded,
      subtotal: breakdown.subtotal,
      discountTotal: breakdown.discountTotal,
      shippingTotal: breakdown.shippingTotal,
      taxTotal: breakdown.taxTotal,
      total: breakdown.total,
      itemCount: this.itemCount,
    };
  }

  /**
   * Applies a promotion code (already normalised to upper case and accepted by promotions): kept
   * after the codes applied before it. Returns false when the cart already holds it (nothing changes).
   */
  applyPromotionCode(code: string, now: Date): boolean {
    if (this.state.promotionCodes.includes(code)) return false;
    if (this.state.promotionCodes.length >= MAX_PROMOTION_CODES) {
      throw new CartRuleViolation(
        'promotion-codes-limit',
        `A cart holds at most ${MAX_PROMOTION_CODES} promotion codes; remove one first.`,
        { maxCodes: MAX_PROMOTION_CODES },
      );
    }
    this.state = { ...this.state, promotionCodes: [...this.state.promotionCodes, code], updatedAt: now };
    // The discounted subtotal a shipping price was quoted on changed.
    this.state = { ...this.state, shipping: this.staleShipping() };
    return true;
  }

  /** Removes an applied code (upper case); the cart must hold it. */
  removePromotionCode(code: string, now: Date): void {
    if (!this.state.promotionCodes.includes(code)) {
      throw new CartRuleViolation('promotion-code-not-found', 'This cart holds no such promotion code.');
    }
    this.state = {
      ...this.state,
      promotionCodes: this.state.promotionCodes.filter((c) => c !== code),
      updatedAt: now,
    };
    this.state = { ...this.state, shipping: this.staleShipping() };
  }

  /** The chosen method if its price is in the cart's currency and there is something to ship. */
  private countedShipping(currency: string): ChosenShipping | null {
    const shipping = this.state.shipping;
    if (!shipping || this.state.lines.length === 0 || shipping.price.currency !== currency) return null;
    return shipping;
  }

  /**
   * Keeps the method the customer chose, at the price shipping quoted for `quotedFor` (the lines as
   * they were when asked) and `codesQuotedFor` (the promotion codes whose discounts it was quoted
   * after); the accepted price from now on. If either changed since, the price is kept but flagged
   * `stale`. An empty cart has nothing to ship.
   */
  chooseShipping(
    choice: Omit<ChosenShipping, 'stale'>,
    now: Date,
    quotedFor: readonly CartLine[],
    codesQuotedFor: readonly string[] = this.state.promotionCodes,
  ): void {
    if (this.state.lines.length === 0) {
      throw new CartRuleViolation('cart-empty', 'An empty cart has nothing to ship; add items first.');
    }
    const stale =
      quoteBasis(quotedFor) !== quoteBasis(this.state.lines) ||
      codesQuotedFor.join(' ') !== this.state.promotionCodes.join(' ');
    this.state = { ...this.state, shipping: { ...choice, stale }, updatedAt: now };
  }

  /** Forgets the chosen method. */
  clearShipping(now: Date): void {
    this.state = { ...this.state, shipping: null, updatedAt: now };
  }

  /** What the lines come to at the prices the customer accepted (what checkout charges). */
  acceptedSubtotal(defaultCurrency: string): Money {
    let amount = 0;
    for (const line of this.state.lines) amount += line.acceptedUnitPrice.amount * line.quantity;
    return { amount, currency: this.state.lines[0]?.acceptedUnitPrice.currency ?? defaultCurrency };
  }

  /** Variants whose price snapshot is older than `maxAgeMs`. */
  staleVariantIds(now: Date, maxAgeMs: number): string[] {
    return this.state.lines
      .filter((line) => now.getTime() - line.priceCheckedAt.getTime() >= maxAgeMs)
      .map((line) => line.variantId);
  }

  /** Takes the current price, title and SKU of every line catalog reported on. */
  refresh(variants: ReadonlyMap<string, PricedVariant>, now: Date): void {
    let changed = false;
    const lines = this.state.lines.map((line) => {
      const variant = variants.get(line.variantId);
      if (!variant) return line;
      changed = true;
      return { ...line, ...productFacts(line, variant), unitPrice: variant.price, priceCheckedAt: now };
    });
    if (changed) this.state = { ...this.state, lines };
  }

  /** Adds a quantity of a variant; the same variant twice makes one line. Returns the line. */
  addItem(variant: PricedVariant, quantity: number, now: Date, newId: NewId): CartLine {
    assertQuantity(quantity);
    this.assertBuyable(variant);
    const existing = this.lineOfVariant(variant.variantId);
    if (!existing && this.state.lines.length >= MAX_CART_LINES) {
      throw new CartRuleViolation('too-many-lines', `A cart holds at most ${MAX_CART_LINES} lines.`, {
        maxLines: MAX_CART_LINES,
      });
    }
    const wanted = (existing?.quantity ?? 0) + quantity;
    if (wanted > MAX_LINE_QUANTITY) {
      throw new CartRuleViolation(
        'quantity-limit',
        `A line holds at most ${MAX_LINE_QUANTITY} units; this cart already has ${existing?.quantity ?? 0}.`,
        { maxQuantity: MAX_LINE_QUANTITY, inCart: existing?.quantity ?? 0 },
      );
    }
    assertInStock(variant, wanted);
    const line: CartLine = existing
      ? { ...this.priced(existing, variant, now), quantity: wanted }
      : {
          id: newId(),
          variantId: variant.variantId,
          productId: variant.productId,
          sku: variant.sku,
          title: variant.title,
          quantity,
          unitPrice: variant.price,
          acceptedUnitPrice: variant.price,
          priceCheckedAt: now,
          addedAt: now,
          taxCategory: variant.taxCategory ?? null,
          categoryIds: variant.categoryIds ?? [],
        };
    this.putLine(line, now);
    return line;
  }

  /** Sets a line's quantity (1–99), checked against current availability. */
  changeQuantity(lineId: string, quantity: number, variant: PricedVariant | undefined, now: Date): void {
    assertQuantity(quantity);
    const line = this.lineById(lineId);
    if (!variant) throw notPurchasable(line.variantId);
    this.assertBuyable(variant, line);
    assertInStock(variant, quantity);
    this.putLine({ ...this.priced(line, variant, now), quantity }, now);
  }

  /**
   * The customer accepts the current prices of every line (call `refresh` with catalog's answer
   * first): each line's accepted price becomes its current one, so `priceChanged` clears.
   */
  acceptPrices(now: Date): void {
    const lines = this.state.lines.map((line) => ({ ...line, acceptedUnitPrice: line.unitPrice }));
    this.state = { ...this.state, lines, updatedAt: now, shipping: this.staleShipping() };
  }

  removeLine(lineId: string, now: Date): void {
    this.lineById(lineId);
    this.state = {
      ...this.state,
      updatedAt: now,
      lines: this.state.lines.filter((l) => l.id !== lineId),
      shipping: this.staleShipping(),
    };
  }

  /**
   * Takes a guest cart's lines into this one: quantities add up, capped by availability and the
   * line limit, never lowering what this cart already had. Lines that cannot be bought (unknown,
   * not purchasable, another currency, out of stock, over the line count) are left behind.
   */
  absorb(guest: Cart, variants: ReadonlyMap<string, PricedVariant>, now: Date, newId: NewId): void {
    this.refresh(variants, now);
    for (const guestLine of guest.lines) {
      const variant = variants.get(guestLine.variantId);
      if (!variant || !variant.purchasable) continue;
      if (this.state.lines.length > 0 && variant.price.currency !== this.currency(variant.price.currency)) continue;
      const existing = this.lineOfVariant(variant.variantId);
      if (existing) {
        const merged = Math.min(existing.quantity + guestLine.quantity, MAX_LINE_QUANTITY, variant.available);
        if (merged > existing.quantity) this.putLine({ ...existing, quantity: merged }, now);
        continue;
      }
      const quantity = Math.min(guestLine.quantity, MAX_LINE_QUANTITY, variant.available);
      if (quantity < MIN_LINE_QUANTITY || this.state.lines.length >= MAX_CART_LINES) continue;
      this.putLine(
        {
          ...guestLine,
          ...productFacts(guestLine, variant),
          id: newId(),
          productId: variant.productId,
          quantity,
          unitPrice: variant.price,
          priceCheckedAt: now,
        },
        now,
      );
    }
    for (const code of guest.promotionCodes) {
      if (this.state.promotionCodes.length >= MAX_PROMOTION_CODES) break;
      if (!this.state.promotionCodes.includes(code)) {
        this.state = { ...this.state, promotionCodes: [...this.state.promotionCodes, code] };
      }
    }
    this.touch(now);
  }

  /** Retires a guest cart whose lines went to a customer's cart. */
  retireAsClaimed(now: Date): void {
    this.state = { ...this.state, status: 'claimed', lines: [], shipping: null, promotionCodes: [], updatedAt: now };
  }

  /** Empties and retires the cart once it became an order. */
  checkOut(now: Date): void {
    this.state = {
      ...this.state,
      status: 'checked_out',
      lines: [],
      shipping: null,
      promotionCodes: [],
      updatedAt: now,
    };
  }

  private touch(now: Date): void {
    this.state = { ...this.state, updatedAt: now };
  }

  // Acting on a line means the customer saw its current price: the change flag starts over.
  private priced(line: CartLine, variant: PricedVariant, now: Date): CartLine {
    return {
      ...line,
      ...productFacts(line, variant),
      unitPrice: variant.price,
      acceptedUnitPrice: variant.price,
      priceCheckedAt: now,
    };
  }

  private putLine(line: CartLine, now: Date): void {
    const exists = this.state.lines.some((l) => l.id === line.id);
    const lines = exists ? this.state.lines.map((l) => (l.id === line.id ? line : l)) : [...this.state.lines, line];
    this.state = { ...this.state, lines, updatedAt: now, shipping: this.staleShipping() };
  }

  // The lines a shipping price was quoted for changed: it stays, flagged, until chosen again.
  private staleShipping(): ChosenShipping | null {
    const shipping = this.state.shipping;
    return shipping && !shipping.stale ? { ...shipping, stale: true } : shipping;
  }

  private assertBuyable(variant: PricedVariant, except?: CartLine): void {
    if (!variant.purchasable) throw notPurchasable(variant.variantId);
    const others = this.state.lines.filter((l) => l !== except);
    const currency = others[0]?.unitPrice.currency;
    if (currency !== undefined && currency !== variant.price.currency) {
      throw new CartRuleViolation(
        'currency-mismatch',
        `This cart is in ${currency}; the variant is priced in ${variant.price.currency}.`,
        { cartCurrency: currency, variantCurrency: variant.price.currency },
      );
    }
  }

  private lineOfVariant(variantId: string): CartLine | undefined {
    return this.state.lines.find((l) => l.variantId === variantId);
  }

  private lineById(lineId: string): CartLine {
    const line = this.state.lines.find((l) => l.id === lineId);
    if (!line) throw new CartRuleViolation('line-not-found', 'This cart has no such item.');
    return line;
  }
}

/** What a shipping quote depends on: each line's variant, quantity and accepted price. */
function quoteBasis(lines: readonly CartLine[]): string {
  return lines
    .map((l) => `${l.variantId}:${l.quantity}:${l.acceptedUnitPrice.amount}:${l.acceptedUnitPrice.currency}`)
    .sort()
    .join(',');
}

/** What a line takes from catalog's report besides the price (an older catalog leaves the last two out). */
function productFacts(
  line: CartLine,
  variant: PricedVariant,
): Pick<CartLine, 'sku' | 'title' | 'taxCategory' | 'categoryIds'> {
  return {
    sku: variant.sku,
    title: variant.title,
    taxCategory: variant.taxCategory === undefined ? line.taxCategory : variant.taxCategory,
    categoryIds: variant.categoryIds ?? line.categoryIds,
  };
}

function assertInStock(variant: PricedVariant, quantity: number): void {
  if (quantity > variant.available) {
    throw new CartRuleViolation(
      'insufficient-stock',
      `Only ${variant.available} of this variant ${variant.available === 1 ? 'is' : 'are'} available.`,
      { available: variant.available, requested: quantity },
    );
  }
}

function notPurchasable(variantId: string): CartRuleViolation {
  return new CartRuleViolation('not-purchasable', 'This variant cannot be bought right now.', { variantId });
}
