import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { ActiveFraudModels } from './application/assess-fraud/active-fraud-models';
import { FraudAssessor } from './application/assess-fraud/fraud-assessor';
import { GetFraudLabelUseCase } from './application/fraud-labels/get-fraud-label.use-case';
import { MarkFraudUseCase } from './application/fraud-labels/mark-fraud.use-case';
import { FraudModelLifecycle } from './application/fraud-models/fraud-model-lifecycle';
import { ChangeFraudModelUseCase } from './application/fraud-models/change-fraud-model.use-case';
import { FraudModelAuditUseCase } from './application/fraud-models/fraud-model-audit.use-case';
import { GetFraudAssessmentUseCase } from './application/fraud-models/get-fraud-assessment.use-case';
import { ListFraudModelsUseCase } from './application/fraud-models/list-fraud-models.use-case';
import { FraudTraining } from './application/fraud-models/fraud-training';
import { TrainFraudModelUseCase } from './application/fraud-models/train-fraud-model.use-case';
import { TrackProductPublishedHandler } from './application/fraud-read-model/track-product-published.handler';
import { TrackUserRegisteredHandler } from './application/fraud-read-model/track-user-registered.handler';
import { ExplainReviewUseCase } from './application/review-explanations/explain-review.use-case';
import { ReviewExplainer } from './application/review-explanations/review-explainer';
import { ReviewExplanationSweeper } from './application/review-explanations/review-explanation.sweeper';
import { GetReviewUseCase } from './application/reviews/get-review.use-case';
import { AnnounceAuthorization } from './application/reviews/announce-authorization';
import { DecideReviewUseCase } from './application/reviews/decide-review.use-case';
import { ListReviewsUseCase } from './application/reviews/list-reviews.use-case';
import { ReviewDeadlineSweeper } from './application/reviews/review-deadline.sweeper';
import { ReviewDecisions } from './application/reviews/review-decisions';
import { AuthorizePaymentHandler } from './application/authorize-payment/authorize-payment.handler';
import { OpenPayment } from './application/authorize-payment/open-payment';
import { CapturePaymentHandler } from './application/capture-payment/capture-payment.handler';
import { GetPaymentProvidersHandler } from './application/get-payment-providers/get-payment-providers.handler';
import { GetPaymentRiskSignalsHandler } from './application/risk-signals-tool/get-payment-risk-signals.handler';
import { ListPaymentsUseCase } from './application/list-payments/list-payments.use-case';
import { PaymentOfOrder } from './application/payment-of-order';
import { ProviderEventApplier } from './application/receive-webhook/apply-provider-event';
import { OpenSandboxDisputeUseCase } from './application/sandbox-disputes/open-sandbox-dispute.use-case';
import { ReceiveWebhookUseCase } from './application/receive-webhook/receive-webhook.use-case';
import { RefundPaymentHandler } from './application/refund-payment/refund-payment.handler';
import { RefundPaymentUseCase } from './application/refund-payment/refund-payment.use-case';
import { Refunds } from './application/refund-payment/refunds';
import { VoidPaymentHandler } from './application/void-payment/void-payment.handler';
import { FraudController } from './http/fraud.controller';
import { PaymentsController } from './http/payments.controller';
import { SandboxController } from './http/sandbox.controller';
import { WebhooksController } from './http/webhooks.controller';
import { FraudAssessmentRepository } from './infrastructure/fraud-assessment.repository';
import { FraudLabelRepository } from './infrastructure/fraud-label.repository';
import { FraudModelRepository } from './infrastructure/fraud-model.repository';
import { FraudReadModelRepository } from './infrastructure/fraud-read-model.repository';
import { FraudReviewRepository } from './infrastructure/fraud-review.repository';
import { ReviewExplanationRepository } from './infrastructure/review-explanation.repository';
import { PaymentOrmEntity } from './infrastructure/payment.orm-entity';
import { PaymentRepository } from './infrastructure/payment.repository';
import { PaymentProviders } from './infrastructure/providers/payment-providers';
import { SandboxProvider } from './infrastructure/providers/sandbox/sandbox.provider';
import { SandboxWebhooks } from './infrastructure/providers/sandbox/sandbox-webhooks';
import { StripeProvider } from './infrastructure/providers/stripe/stripe.provider';
import { RefundOrmEntity } from './infrastructure/refund.orm-entity';
import { RefundRepository } from './infrastructure/refund.repository';
import { WebhookReceiptRepository } from './infrastructure/webhook-receipt.repository';
import { loadPaymentsConfig, PAYMENTS_CONFIG } from './payments.config';
import { paymentsDescriptor } from './payments.descriptor';

const database: ModuleDatabaseDefinition = { module: 'payments', entities: [PaymentOrmEntity, RefundOrmEntity] };

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadPaymentsConfig(config.source);

/** The payments bounded context: payments, provider references, refunds, webhook receipts and risk assessments. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('payments')],
  controllers: [PaymentsController, FraudController, WebhooksController, SandboxController],
  providers: [
    {
      provide: PAYMENTS_CONFIG,
      inject: [APP_CONFIG],
      useFactory: settings,
    },
    SandboxWebhooks,
    SandboxProvider,
    StripeProvider,
    PaymentProviders,
    PaymentRepository,
    RefundRepository,
    WebhookReceiptRepository,
    OpenPayment,
    PaymentOfOrder,
    Refunds,
    ProviderEventApplier,
    ListPaymentsUseCase,
    RefundPaymentUseCase,
    ReceiveWebhookUseCase,
    OpenSandboxDisputeUseCase,
    AuthorizePaymentHandler,
    CapturePaymentHandler,
    VoidPaymentHandler,
    RefundPaymentHandler,
    GetPaymentProvidersHandler,
    FraudReadModelRepository,
    FraudAssessmentRepository,
    FraudLabelRepository,
    FraudModelRepository,
    FraudReviewRepository,
    ReviewExplanationRepository,
    ReviewExplainer,
    ReviewExplanationSweeper,
    ExplainReviewUseCase,
    GetReviewUseCase,
    ActiveFraudModels,
    FraudAssessor,
    AnnounceAuthorization,
    ReviewDecisions,
    ReviewDeadlineSweeper,
    ListReviewsUseCase,
    DecideReviewUseCase,
    MarkFraudUseCase,
    GetFraudLabelUseCase,
    FraudModelLifecycle,
    ListFraudModelsUseCase,
    FraudModelAuditUseCase,
    ChangeFraudModelUseCase,
    GetFraudAssessmentUseCase,
    FraudTraining,
    TrainFraudModelUseCase,
    TrackUserRegisteredHandler,
    TrackProductPublishedHandler,
    GetPaymentRiskSignalsHandler,
  ],
})
export class PaymentsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = paymentsDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
