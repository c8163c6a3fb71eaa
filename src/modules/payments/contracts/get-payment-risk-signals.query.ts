import { DataToolQuery, Money, QueryContract } from '../../../platform/messaging/contracts';

/** The model's arguments of `payments_risk_signals`: a payment's id or its order's id. */
export interface PaymentRiskSignalsArguments {
  readonly paymentId?: string;
  readonly orderId?: string;
}

/** What a model may know of a payment's risk: signals, never card data, provider references or the customer. */
export interface PaymentRiskSignalsRow {
  readonly paymentId: string;
  readonly orderId: string;
  /** The payment's status, e.g. `authorized`, `declined`. */
  readonly status: string;
  /** The amount in minor units. */
  readonly amount: Money;
  /** The risk rules' score (0–100). */
  readonly riskScore: number;
  /** `allow`, `review` or `block`. */
  readonly riskDecision: string;
  /** The rules that fired, e.g. `amount_high`, `country_mismatch`. */
  readonly riskReasons: readonly string[];
  /** The shipping country (ISO 3166-1 alpha-2). */
  readonly shippingCountry: string;
  /** When the payment was opened (ISO 8601). */
  readonly createdAt: string;
  /** Who decided: `model`, `rules` (no active model) or `guardrail` (a rule overruled the model). Absent before issue 21's assessments. */
  readonly decidedBy?: string;
  /** The active fraud model's calibrated P(fraud), 0..1; null when the rules decided alone. */
  readonly modelScore?: number | null;
  /** The largest contributions to the model's score (log-odds; positive = riskier), largest first. */
  readonly topFeatures?: readonly PaymentRiskContribution[];
}

/** One signal's part in the model's score: its name, its value for this payment, its log-odds contribution. */
export interface PaymentRiskContribution {
  /** The signal, e.g. `amount_to_usual_basket` (docs/modules/payments-fraud.md lists them with their sources). */
  readonly feature: string;
  readonly value: number;
  /** Log-odds added to an average payment's; positive = riskier. */
  readonly contribution: number;
}

/**
 * Data tool `payments_risk_signals` (scope `payments:risk:read`, staff features only): the risk
 * assessment of one payment, found by its id or its order's id, for explaining a review to a person.
 */
@QueryContract(
  'payments.GetPaymentRiskSignals',
  () =>
    new GetPaymentRiskSignals({ orderId: '0190a000-0000-7000-8000-000000000001' }, { userId: null, reach: 'any' }, 1),
  {
    dataTool: {
      name: 'payments_risk_signals',
      description:
        "A payment's risk assessment (rules score 0-100, decision allow/review/block, the rules that fired, the fraud model's probability and its top contributing signals), amount, status and shipping country, by payment id or order id.",
      scope: 'payments:risk:read',
      rowsOwnedBy: 'none',
      parameters: {
        properties: {
          paymentId: { type: 'string', format: 'uuid', description: "The payment's id." },
          orderId: { type: 'string', format: 'uuid', description: "The order's id (its payment)." },
        },
      },
      fields: [
        'paymentId',
        'orderId',
        'status',
        'amount',
        'riskScore',
        'riskDecision',
        'riskReasons',
        'shippingCountry',
        'createdAt',
        'decidedBy',
        'modelScore',
        'topFeatures',
      ],
    },
  },
)
export class GetPaymentRiskSignals extends DataToolQuery<PaymentRiskSignalsArguments, PaymentRiskSignalsRow> {}
