import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { VariantStockRepository } from '../../infrastructure/variant-stock.repository';

/** Which variant. */
export interface ViewVariantStockInput {
  readonly variantId: string;
}

/** One order's hold on a variant's units. */
export interface VariantReservationView {
  readonly orderId: string;
  readonly quantity: number;
  /** When the units were reserved, ISO 8601. */
  readonly reservedAt: string;
  /** When the sweeper releases the hold unless the order commits it first, ISO 8601. */
  readonly expiresAt: string | null;
}

/** `GET /catalog/variants/{id}/stock`: units on hand, held and available, and who holds them. */
export interface VariantStockView {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly onHand: number;
  /** Units held by orders being checked out (reserved, not yet committed). */
  readonly reserved: number;
  /** onHand − reserved. */
  readonly available: number;
  /** The holds, oldest first (at most 100; `reserved` is their sum when all fit). */
  readonly reservations: readonly VariantReservationView[];
}

const MAX_RESERVATIONS = 100;

/** A variant's stock and reservations for admins; 404 `not-found` for an unknown variant. */
@Injectable()
export class ViewVariantStockUseCase {
  constructor(private readonly stock: VariantStockRepository) {}

  async execute({ variantId }: ViewVariantStockInput): Promise<VariantStockView> {
    const variant = await this.stock.find(variantId);
    if (!variant) throw ProblemException.notFound('Variant');
    const holds = await this.stock.holding(variantId, MAX_RESERVATIONS);
    return {
      ...variant,
      available: variant.onHand - variant.reserved,
      reservations: holds.map((h) => ({
        orderId: h.orderId,
        quantity: h.quantity,
        reservedAt: h.reservedAt.toISOString(),
        expiresAt: h.expiresAt?.toISOString() ?? null,
      })),
    };
  }
}
