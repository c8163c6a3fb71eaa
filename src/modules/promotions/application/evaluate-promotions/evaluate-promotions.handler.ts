import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EvaluatePromotions, PromotionEvaluation } from '../../contracts';
import { checkedCart } from './promotion-cart';
import { PromotionPricing } from './promotion-pricing';
import { evaluationView } from './promotion-views';

/** `promotions.EvaluatePromotions`: the discounts of a cart's codes and the automatic promotions, or why not. */
@QueryHandler(EvaluatePromotions)
export class EvaluatePromotionsHandler implements IQueryHandler<EvaluatePromotions> {
  constructor(private readonly pricing: PromotionPricing) {}

  async execute(query: EvaluatePromotions): Promise<PromotionEvaluation> {
    const cart = checkedCart(query.codes, query.cart);
    const evaluation = await this.pricing.evaluate(cart, new Date());
    return evaluationView(evaluation, cart.lines, cart.currency);
  }
}
