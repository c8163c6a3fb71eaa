import { Injectable } from '@nestjs/common';
import { Evaluation, evaluatePromotions } from '../../domain/evaluation';
import { Promotion } from '../../domain/promotion';
import { PricingInputsRepository } from '../../infrastructure/pricing-inputs.repository';
import { StoredPromotion } from '../stored-promotion';
import { CheckedCart } from './promotion-cart';

/**
 * Loads what an evaluation needs (the promotions the codes name, the automatic ones, the counts so
 * far, in one statement) and runs the domain's `evaluatePromotions`. Shared by `EvaluatePromotions` (the cart) and
 * `RedeemPromotion` (checkout), so both price a cart by the same rules.
 */
@Injectable()
export class PromotionPricing {
  constructor(private readonly inputs: PricingInputsRepository) {}

  /**
   * @param automaticOnly when given, only the automatic promotions with these ids are considered (a
   *   redemption honours what the customer accepted; one created since does not join the order).
   * @param orderId the order being redeemed, left out of the customer's previous orders.
   */
  async evaluate(
    cart: CheckedCart,
    now: Date,
    automaticOnly?: ReadonlySet<string>,
    orderId: string | null = null,
  ): Promise<Evaluation> {
    const inputs = await this.inputs.load(
      cart.codes,
      cart.customer?.customerId ?? null,
      cart.previousOrdersUnknown,
      orderId,
    );
    const { byCode, byCustomer } = inputs;
    const considered = inputs.automatic.filter((s) => !automaticOnly || automaticOnly.has(s.promotion.id));
    const all: StoredPromotion[] = [...byCode.values(), ...considered];
    const total = new Map(all.map((s) => [s.promotion.id, s.redeemed]));
    const customer = cart.customer && {
      customerId: cart.customer.customerId,
      previousOrders: cart.previousOrdersUnknown ? (inputs.previousOrders ?? 0) : cart.customer.previousOrders,
    };
    return evaluatePromotions({
      now,
      currency: cart.currency,
      lines: cart.lines,
      shippingAmount: cart.shippingAmount,
      customer,
      codes: cart.codes.map((code) => ({ code, promotion: byCode.get(code)?.promotion ?? null })),
      automatic: considered.map((s): Promotion => s.promotion),
      redemptions: (id) => ({ total: total.get(id) ?? 0, byCustomer: byCustomer.get(id) ?? 0 }),
    });
  }
}
