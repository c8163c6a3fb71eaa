/** A variant's stock after a change, with what it was before (for low-stock and availability signals). */
export interface StockChange {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly availableBefore: number;
  readonly availableAfter: number;
}

/** Where an order's reservation stands. */
export type ReservationStatus = 'pending' | 'reserved' | 'rejected' | 'committed' | 'released' | 'restocked';

/** One line an order holds (or held). */
export interface ReservedLine {
  readonly variantId: string;
  readonly productId: string;
  readonly quantity: number;
}

/** A variant as a reservation checks it: what can be held now, and at which price. */
export interface VariantForSale {
  readonly id: string;
  readonly productId: string;
  readonly sku: string;
  readonly available: number;
  /** False when the product is a draft or archived. */
  readonly purchasable: boolean;
  /** The current unit price. */
  readonly price: { readonly amount: number; readonly currency: string };
}

/** A variant's units after `PUT /catalog/variants/:id/stock`. */
export interface StockLevel {
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
}
