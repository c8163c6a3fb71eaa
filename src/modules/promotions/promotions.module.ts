import { Module } from '@nestjs/common';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { EvaluatePromotionsHandler } from './application/evaluate-promotions/evaluate-promotions.handler';
import { PromotionPricing } from './application/evaluate-promotions/promotion-pricing';
import { CreatePromotionUseCase } from './application/manage-promotions/create-promotion.use-case';
import { DeletePromotionUseCase } from './application/manage-promotions/delete-promotion.use-case';
import { EditPromotionUseCase } from './application/manage-promotions/edit-promotion.use-case';
import { ListPromotionsUseCase } from './application/manage-promotions/list-promotions.use-case';
import { ViewPromotionUseCase } from './application/manage-promotions/view-promotion.use-case';
import { RedeemPromotionHandler } from './application/redeem-promotion/redeem-promotion.handler';
import { ReleasePromotionRedemptionHandler } from './application/release-redemption/release-promotion-redemption.handler';
import { RecordOrderOnOrderPlacedHandler } from './application/record-orders/record-order-on-order-placed.handler';
import { ReleaseOnOrderCancelledHandler } from './application/record-orders/release-on-order-cancelled.handler';
import { RedemptionRelease } from './application/release-redemption/redemption-release';
import { PromotionsController } from './http/promotions.controller';
import { CustomerOrderRepository } from './infrastructure/customer-order.repository';
import { PricingInputsRepository } from './infrastructure/pricing-inputs.repository';
import { PromotionRepository } from './infrastructure/promotion.repository';
import { RedemptionRepository } from './infrastructure/redemption.repository';
import { promotionsDescriptor } from './promotions.descriptor';

// Promotions reads and writes through lean SQL in its repositories, so it maps no entities.
const database: ModuleDatabaseDefinition = { module: 'promotions', entities: [] };

/** Promotions has no settings of its own yet. */
const settings = () => ({});

/**
 * The promotions bounded context (docs/modules/promotions.md, ADR 0107, ADR 0115): codes and automatic
 * promotions (admin CRUD), `EvaluatePromotions` for the cart, and checkout's `RedeemPromotion` (counted
 * atomically, idempotent per order) with its compensation `ReleasePromotionRedemption`.
 */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('promotions')],
  controllers: [PromotionsController],
  providers: [
    PromotionRepository,
    RedemptionRepository,
    PromotionPricing,
    EvaluatePromotionsHandler,
    RedeemPromotionHandler,
    RedemptionRelease,
    ReleasePromotionRedemptionHandler,
    CustomerOrderRepository,
    PricingInputsRepository,
    RecordOrderOnOrderPlacedHandler,
    ReleaseOnOrderCancelledHandler,
    CreatePromotionUseCase,
    EditPromotionUseCase,
    DeletePromotionUseCase,
    ViewPromotionUseCase,
    ListPromotionsUseCase,
  ],
})
export class PromotionsModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = promotionsDescriptor;
  /** Its settings (none yet). */
  static readonly settings = settings;
}
