import { Inject, Injectable } from '@nestjs/common';
import { FieldError, ProblemException } from '../../../../platform/http';
import { isUuid } from '../../../../platform/ids';
import type { Money } from '../../../../platform/money';
import { QuotedLine, ShippingMethodQuote, ShippingOption, ShippingOptions } from '../../contracts';
import { countryProblem } from '../../domain/iso-codes';
import { CartContext, quoteMethod, quoteShipping, requoteAccepted } from '../../domain/quotes';
import { ShippingDomainError } from '../../domain/shipping-domain-error';
import { ShippingMethodRepository } from '../../infrastructure/shipping-method.repository';
import { problemOf } from '../shipping-problems';
import { WEIGHT_PROVIDER, WeightProvider } from './weight-provider';

/** What a quote is asked for: destination, discounted subtotal (its currency is the cart's) and lines. */
export interface QuoteRequest {
  readonly country: string;
  readonly discountedSubtotal: Money;
  readonly lines: readonly QuotedLine[];
}

const MAX_LINES = 500;

/**
 * Quotes for a cart (ADR 0106), shared by the HTTP route and the query handlers: the methods of the
 * zones holding the destination, the cart's weight from the weight provider, the domain's pricing.
 */
@Injectable()
export class ShippingQuotes {
  constructor(
    private readonly methods: ShippingMethodRepository,
    @Inject(WEIGHT_PROVIDER) private readonly weights: WeightProvider,
  ) {}

  /** Every method that can ship the cart, cheapest first. @throws ProblemException 400 for a malformed request. */
  async options(request: QuoteRequest): Promise<ShippingOptions> {
    const cart = await this.cartContext(request);
    const { methods, zones } = await this.methods.forDestination(cart.country);
    try {
      return { items: quoteShipping(cart, methods, zones).map(toOption), weightGrams: cart.weightGrams };
    } catch (error) {
      throw problemOf(error);
    }
  }

  /** The chosen method's quote or why not (as data); with `acceptedPrice`, a changed price is a refusal. */
  async quote(methodId: string, request: QuoteRequest, acceptedPrice?: Money): Promise<ShippingMethodQuote> {
    const cart = await this.cartContext(request);
    const { methods, zones } = await this.methods.forDestination(cart.country);
    // Usually among the destination's methods; read on its own only when it is not (one statement fewer).
    const id = isUuid(methodId) ? methodId.toLowerCase() : undefined;
    const chosen = id === undefined ? undefined : (methods.find((m) => m.id === id) ?? (await this.methods.find(id)));
    // A method of another zone is known (so the refusal says "does not serve the destination").
    const all = chosen && !methods.some((m) => m.id === chosen.id) ? [...methods, chosen] : methods;
    const zoneOfChosen =
      chosen && !zones.some((z) => z.id === chosen.zoneId) ? [{ id: chosen.zoneId, name: '', countries: [] }] : [];
    try {
      const quote = acceptedPrice
        ? requoteAccepted({ methodId, price: acceptedPrice }, cart, all, [...zones, ...zoneOfChosen])
        : quoteMethod(methodId, cart, all, [...zones, ...zoneOfChosen]);
      return { quote: toOption(quote), refusal: null };
    } catch (error) {
      if (!(error instanceof ShippingDomainError) || error.code === 'invalid-cart-context') throw problemOf(error);
      const current =
        error.code === 'shipping-price-changed' ? quoteMethod(methodId, cart, all, [...zones, ...zoneOfChosen]) : null;
      return { quote: current && toOption(current), refusal: { code: error.code, detail: error.message } };
    }
  }

  private async cartContext(request: QuoteRequest): Promise<CartContext> {
    const errors: FieldError[] = [];
    const problem = countryProblem(request.country);
    if (problem) errors.push(new FieldError('country', problem));
    const subtotal: unknown = request.discountedSubtotal;
    if (typeof subtotal !== 'object' || subtotal === null) {
      errors.push(new FieldError('discountedSubtotal', 'must be { amount, currency }'));
    }
    if (!Array.isArray(request.lines) || request.lines.length > MAX_LINES) {
      errors.push(new FieldError('lines', `at most ${MAX_LINES} lines`));
    } else {
      request.lines.forEach((line, i) => {
        if (!isUuid(line.variantId)) errors.push(new FieldError(`lines[${i}].variantId`, 'must be a UUID'));
        if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > 1_000_000) {
          errors.push(new FieldError(`lines[${i}].quantity`, 'must be an integer from 1 to 1000000'));
        }
      });
    }
    if (errors.length > 0) throw ProblemException.validation(errors);
    const weights =
      request.lines.length > 0 ? await this.weights.weightsOf(request.lines.map((l) => l.variantId)) : new Map();
    const weightGrams = request.lines.reduce(
      (sum, line) => sum + (weights.get(line.variantId) ?? 0) * line.quantity,
      0,
    );
    return { country: request.country, discountedSubtotal: request.discountedSubtotal, weightGrams };
  }
}

function toOption(quote: ShippingOption): ShippingOption {
  return {
    methodId: quote.methodId,
    zoneId: quote.zoneId,
    name: quote.name,
    price: { amount: quote.price.amount, currency: quote.price.currency },
    estimate: { minDays: quote.estimate.minDays, maxDays: quote.estimate.maxDays },
  };
}
