import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { AuthorizePayment } from '../../contracts';
import { extractSignals } from '../../domain/fraud/extract-signals';
import { FraudAssessment, ModelVerdict } from '../../domain/fraud/fraud-assessment';
import { decideFraudAction } from '../../domain/fraud/fraud-decision';
import { PaidLine, resellableAmount, shippingAddressKey } from '../../domain/fraud/order-facts';
import { RiskAssessment, RiskDecision } from '../../domain/risk-assessment';
import { FraudReadModelRepository } from '../../infrastructure/fraud-read-model.repository';
import { PaymentMethodInfo } from '../../infrastructure/providers/payment-provider';
import { PAYMENTS_CONFIG, PaymentsConfig } from '../../payments.config';
import { ActiveFraudModels, LiveModel } from './active-fraud-models';

/** The contributions kept with each verdict. */
const TOP_CONTRIBUTIONS = 5;

/**
 * Assesses one payment attempt before the provider is asked: its signals from payments' read model
 * (facts strictly before now), the active model's probability and explanation, the shadow model's
 * (logged, never acted on), and the decision (`decideFraudAction`: the provider's highest risk
 * always blocks; no active model → the rules decide).
 */
@Injectable()
export class FraudAssessor {
  private readonly logger = new Logger('FraudAssessment');

  constructor(
    private readonly readModel: FraudReadModelRepository,
    private readonly models: ActiveFraudModels,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  async assess(
    tx: Transaction,
    ids: { paymentId: string },
    command: AuthorizePayment,
    method: PaymentMethodInfo | undefined,
    rules: RiskAssessment,
  ): Promise<FraudAssessment> {
    const at = new Date();
    const settings = this.config.fraud;
    const fingerprint = method?.fingerprint ?? `unknown:${command.customerId}`;
    const address = command.order?.shippingAddress;
    // Without the order's address (an older sender), the order id stands in: it matches no other order.
    const shippingAddressHash = address ? shippingAddressKey(address) : `order:${command.orderId}`;
    const lines: PaidLine[] = (command.order?.lines ?? []).map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: line.unitPrice.amount,
    }));
    const resellable = new Set(settings.resellableCategoryIds);
    const resellableTotal =
      resellable.size > 0 && lines.length > 0
        ? resellableAmount(
            lines,
            await this.readModel.categoriesOf(
              tx,
              lines.map((line) => line.productId),
            ),
            resellable,
          )
        : 0;
    const history = await this.readModel.historyAround(tx, {
      accountId: command.customerId,
      fingerprint,
      shippingAddressHash,
      at,
    });
    const cardCountry = method?.country?.toUpperCase() ?? null;
    const providerRiskLevel = method?.riskLevel ?? 'normal';
    const signals = extractSignals(
      history,
      {
        at: at.getTime(),
        fingerprint,
        cardCountry,
        providerRiskLevel,
        order: {
          orderId: command.orderId,
          accountId: command.customerId,
          placedAt: at.getTime(),
          amount: command.amount.amount,
          resellableAmount: Math.min(resellableTotal, command.amount.amount),
          shippingAddress: shippingAddressHash,
          shippingCountry: command.shippingCountry,
        },
      },
      { utcOffsetMinutes: settings.utcOffsetMinutes },
    );
    const live = await this.models.current(tx);
    const model = live.active && this.verdict(live.active, signals);
    const shadow = live.shadow && this.verdict(live.shadow, signals);
    const decision = decideFraudAction(
      { rules, providerRiskLevel, modelProbability: model?.probability ?? null },
      settings.thresholds,
    );
    if (shadow) {
      this.logger.log(
        `order ${command.orderId}: active ${model ? `v${model.version} P=${model.probability.toFixed(4)}` : 'rules'} → ${decision.decision}; ` +
          `shadow v${shadow.version} P=${shadow.probability.toFixed(4)} → ${shadow.decision}`,
      );
    }
    return {
      paymentId: ids.paymentId,
      orderId: command.orderId,
      accountId: command.customerId,
      assessedAt: at,
      amount: command.amount.amount,
      currency: command.amount.currency,
      resellableAmount: Math.min(resellableTotal, command.amount.amount),
      fingerprint,
      cardCountry,
      providerRiskLevel,
      shippingAddressHash,
      shippingCountry: command.shippingCountry.toUpperCase(),
      signals,
      rulesScore: rules.score,
      decision,
      model,
      shadow,
    };
  }

  private verdict(live: LiveModel, signals: Parameters<LiveModel['scorer']['score']>[0]): ModelVerdict {
    const score = live.scorer.score(signals, TOP_CONTRIBUTIONS);
    const { reviewProbability, blockProbability } = this.config.fraud.thresholds;
    const decision: RiskDecision =
      score.probability >= blockProbability ? 'block' : score.probability >= reviewProbability ? 'review' : 'allow';
    return { version: live.version, probability: score.probability, decision, contributions: score.contributions };
  }
}
