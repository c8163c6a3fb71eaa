import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import type { PromotionRefusalView } from '../../../promotions';
import { CART_CONFIG, CartConfig } from '../../cart.config';
import { CartRuleViolation } from '../../domain/cart-errors';
import { MAX_PROMOTION_CODES } from '../../domain/cart-limits';
import { CartChanges } from '../cart-changes';
import { CartPricing } from '../cart-pricing';
import { cartProblem, promotionRefused } from '../cart-problems';
import { CartView } from '../cart-view';

/** What `POST /carts/:id/promotions` needs: the cart, who asks (undefined for a guest) and the code as typed. */
export interface ApplyPromotionCodeInput {
  readonly cartId: string;
  readonly userId: string | undefined;
  readonly code: string;
}

/** The cart after the code was applied, and whether it was new to the cart. */
export interface AppliedPromotionCode {
  readonly cart: CartView;
  readonly applied: boolean;
}

/** The codes changed between the evaluation and the lock: evaluate again. */
class CodesChangedMeanwhile extends Error {}

const ATTEMPTS = 3;

/** The refusal of a code no promotion has, as promotions words it. */
const unknownCode = (code: string): PromotionRefusalView => ({
  type: 'promotion-unknown',
  code,
  promotionId: null,
  detail: `Code ${code} does not exist.`,
});

/**
 * Applies a promotion code: promotions evaluates the cart with its codes and the new one (at the
 * lines' current prices, for its customer); a refusal of the new code is a 409 whose type says why
 * and nothing is stored. Otherwise the code is kept after the others. The evaluation is asked outside
 * the cart's lock (no lock across a round trip); if the cart's codes changed meanwhile it is asked
 * again, so two codes applied at once are each checked against the other.
 */
@Injectable()
export class ApplyPromotionCodeUseCase {
  constructor(
    private readonly changes: CartChanges,
    private readonly pricing: CartPricing,
    @Inject(CART_CONFIG) private readonly config: CartConfig,
  ) {}

  /**
   * @throws ProblemException 404 (no such cart for the caller), 409 `cart-empty`, 409
   *   `promotion-codes-limit`, 409 with the refusal's type, 503 when promotions does not answer.
   */
  async execute({ cartId, userId, code }: ApplyPromotionCodeInput): Promise<AppliedPromotionCode> {
    // Promotions' canonical form (codes are case-insensitive); one that cannot be a code is refused as unknown.
    const wanted = code.trim().toUpperCase();
    for (let attempt = 1; ; attempt++) {
      const cart = await this.changes.accessible(cartId, userId);
      if (cart.promotionCodes.includes(wanted)) return { cart: await this.changes.view(cart), applied: false };
      if (cart.promotionCodes.length >= MAX_PROMOTION_CODES) {
        throw cartProblem(
          new CartRuleViolation(
            'promotion-codes-limit',
            `A cart holds at most ${MAX_PROMOTION_CODES} promotion codes.`,
            {
              maxCodes: MAX_PROMOTION_CODES,
            },
          ),
        );
      }
      const basis = cart.pricingBasis(this.config.defaultCurrency, 'current');
      if (basis.lines.length === 0) {
        throw cartProblem(
          new CartRuleViolation('cart-empty', 'An empty cart has nothing to discount; add items first.'),
        );
      }
      const codes = [...cart.promotionCodes, wanted];
      const evaluation = await this.pricing.evaluate(basis, codes, cart.customerId);
      const refusal = evaluation.refused.find((r) => r.code !== null && r.code.toUpperCase() === wanted);
      if (refusal) throw promotionRefused(refusal);
      // Only a code promotions applied is kept: one it neither applied nor refused under this spelling (a
      // malformed code it echoes cut short, e.g. 'ß' × 40 upper-cased to 80 characters) is unknown.
      if (!evaluation.applied.some((p) => p.code === wanted)) throw promotionRefused(unknownCode(wanted));
      try {
        const saved = await this.changes.changeUnviewed(cartId, userId, (locked) => {
          if (locked.promotionCodes.join(' ') !== cart.promotionCodes.join(' ')) throw new CodesChangedMeanwhile();
          locked.applyPromotionCode(wanted, new Date());
        });
        return { cart: await this.changes.view(saved), applied: true };
      } catch (error) {
        if (!(error instanceof CodesChangedMeanwhile)) throw error;
        if (attempt >= ATTEMPTS) {
          throw ProblemException.conflict('cart-changed', "The cart's promotion codes kept changing; try again.");
        }
      }
    }
  }
}
