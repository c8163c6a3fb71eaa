import { Inject } from '@nestjs/common';
import { ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../../../platform/http';
import { BatchedCommandHandler, Transaction, UnitOfWork } from '../../../../platform/messaging';
import { ReserveStock, ReserveStockResult, StockReservationRejected, StockReserved } from '../../contracts';
import { CATALOG_CONFIG, CatalogConfig } from '../../catalog.config';
import { isUuid } from '../../../../platform/ids';
import { checkReservationLines, LineProblem, ReservationLine } from '../../domain/reservation-lines';
import { ReservationRepository } from '../../infrastructure/reservation.repository';
import { StockRepository } from '../../infrastructure/stock.repository';
import { VariantRepository } from '../../infrastructure/variant.repository';
import { publishStockSignals } from '../stock/publish-stock-signals';
import { CatalogReadCache } from '../catalog-read-cache';

const MAX_LINES = 200;

/**
 * Holds every line of an order or none, in one transaction, and only at the unit prices the order
 * charges (a price changed since the customer accepted it rejects the reservation). The variants
 * are read locked in variant-id order (the lock order of every stock write) and checked; when every
 * line can be held, one statement holds them all, records the lines and marks the reservation
 * reserved. Idempotent by order id: a repeat answers the first outcome and publishes nothing.
 */
@BatchedCommandHandler(ReserveStock)
export class ReserveStockHandler implements ICommandHandler<ReserveStock> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly readCache: CatalogReadCache,
    private readonly reservations: ReservationRepository,
    private readonly stock: StockRepository,
    private readonly variants: VariantRepository,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  async execute(command: ReserveStock): Promise<ReserveStockResult> {
    assertWellFormed(command);
    const orderId = command.orderId.toLowerCase();
    return this.readCache.afterWrite(
      this.uow.run(async (tx) => {
        // Batched (ADR 0123): the commit may come after run returns; empty the cache after it too.
        tx.afterCommit(() => this.readCache.clear());
        if (!(await this.reservations.claimReservation(tx, orderId))) {
          return { status: await this.reservations.outcomeOf(tx, orderId) };
        }
        const checked = checkReservationLines(command.lines, this.config.maxLineQuantity);
        const problems = [...checked.problems, ...(await this.lookUp(tx, checked.lines))];
        if (problems.length > 0) {
          await this.reservations.markRejected(tx, orderId, problems);
          tx.publish(new StockReservationRejected({ orderId, problems }));
          return { status: 'rejected' as const };
        }
        const { changes, expiresAt } = await this.stock.holdLocked(
          tx,
          orderId,
          checked.lines,
          this.config.reservationTtlSeconds,
        );
        const lines = changes.map((c) => ({ variantId: c.variantId, productId: c.productId, quantity: c.quantity }));
        tx.publish(new StockReserved({ orderId, lines, expiresAt }));
        publishStockSignals(tx, changes, this.config.lowStockThreshold);
        return { status: 'reserved' as const };
      }),
    );
  }

  /**
   * Problems found before touching stock: unknown variants, products not for sale, another price,
   * too few units. The variants are read locked (in id order), so what is available now stays so
   * until the transaction ends and the units can be held in one statement.
   */
  private async lookUp(tx: Transaction, lines: readonly ReservationLine[]): Promise<LineProblem[]> {
    const variants = await this.variants.forSale(
      tx,
      lines.map((l) => l.variantId),
    );
    return lines.flatMap((line): LineProblem[] => {
      const variant = variants.get(line.variantId);
      const base = {
        variantId: line.variantId,
        requested: line.quantity,
        available: Math.max(variant?.available ?? 0, 0),
      };
      if (!variant) return [{ ...base, reason: 'unknown_variant' }];
      if (!variant.purchasable) return [{ ...base, reason: 'not_purchasable' }];
      if (variant.price.amount !== line.unitPrice.amount || variant.price.currency !== line.unitPrice.currency) {
        return [{ ...base, reason: 'price_changed' }];
      }
      return variant.available < line.quantity ? [{ ...base, reason: 'insufficient_stock' }] : [];
    });
  }
}

/** A message that does not even have the contract's shape is a caller's bug, not a business outcome. */
function assertWellFormed(command: ReserveStock): void {
  if (!isUuid(command.orderId)) {
    throw ProblemException.validation([], 'ReserveStock needs an orderId that is a UUID.');
  }
  const lines: unknown = command.lines;
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > MAX_LINES) {
    throw ProblemException.validation([], `ReserveStock needs 1 to ${MAX_LINES} lines.`);
  }
  if (lines.some((line) => typeof line !== 'object' || line === null)) {
    throw ProblemException.validation(
      [],
      'Every ReserveStock line must be an object {variantId, quantity, unitPrice}.',
    );
  }
}
