import { Transaction } from '../../../../platform/messaging';
import { PromotionRefusalView } from '../../contracts';
import { Promotion } from '../../domain/promotion';
import { PromotionRepository } from '../../infrastructure/promotion.repository';
import { RedemptionRepository } from '../../infrastructure/redemption.repository';
import { refusalView } from '../evaluate-promotions/promotion-views';

/**
 * Counts one use of every promotion for a customer, all or none, inside the caller's transaction:
 * per promotion (in id order, so concurrent orders lock rows in one order and never deadlock) one
 * conditional UPDATE of the total counter, then one conditional upsert of the customer's counter.
 * The first limit reached undoes the others (a savepoint) and is returned as the refusal.
 */
export async function countUses(
  tx: Transaction,
  repositories: { promotions: PromotionRepository; redemptions: RedemptionRepository },
  applied: readonly Promotion[],
  customerId: string,
): Promise<PromotionRefusalView | null> {
  await tx.manager.query('SAVEPOINT count_uses');
  for (const promotion of [...applied].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const who = { promotionId: promotion.id, code: promotion.code };
    const { totalRedemptions, perCustomer } = promotion.limits;
    let refusal: PromotionRefusalView | null = null;
    if (!(await repositories.promotions.countUse(tx, promotion.id))) {
      refusal = refusalView({ ...who, type: 'promotion-exhausted', limit: 'total', maxRedemptions: totalRedemptions! });
    } else if (!(await repositories.redemptions.countCustomerUse(tx, promotion.id, customerId, perCustomer))) {
      refusal = refusalView({
        ...who,
        type: 'promotion-exhausted',
        limit: 'per-customer',
        maxRedemptions: perCustomer!,
      });
    }
    if (refusal) {
      await tx.manager.query('ROLLBACK TO SAVEPOINT count_uses');
      return refusal;
    }
  }
  return null;
}
