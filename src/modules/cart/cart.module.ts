import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { AcceptPricesUseCase } from './application/accept-prices/accept-prices.use-case';
import { AddItemUseCase } from './application/add-item/add-item.use-case';
import { ApplyPromotionCodeUseCase } from './application/apply-promotion-code/apply-promotion-code.use-case';
import { CartPricing } from './application/cart-pricing';
import { CartChanges } from './application/cart-changes';
import { CatalogVariants } from './application/catalog-variants';
import { ChangeItemQuantityUseCase } from './application/change-item-quantity/change-item-quantity.use-case';
import { ChooseShippingMethodUseCase } from './application/choose-shipping-method/choose-shipping-method.use-case';
import { ClaimCartUseCase } from './application/claim-cart/claim-cart.use-case';
import { ClearShippingMethodUseCase } from './application/clear-shipping-method/clear-shipping-method.use-case';
import { ClearCartHandler } from './application/clear-cart/clear-cart.handler';
import { CreateCartUseCase } from './application/create-cart/create-cart.use-case';
import { GuestCartSweeper } from './application/expire-guest-carts/guest-cart.sweeper';
import { GetCartUseCase } from './application/get-cart/get-cart.use-case';
import { GetCartForCheckoutHandler } from './application/get-cart-for-checkout/get-cart-for-checkout.handler';
import { GetCartForQuoteHandler } from './application/get-cart-for-quote/get-cart-for-quote.handler';
import { RefreshPricesOnProductUpdatedHandler } from './application/refresh-prices/refresh-prices-on-product-updated.handler';
import { RemoveItemUseCase } from './application/remove-item/remove-item.use-case';
import { RemovePromotionCodeUseCase } from './application/remove-promotion-code/remove-promotion-code.use-case';
import { CART_CONFIG, loadCartConfig } from './cart.config';
import { CartsController } from './http/carts.controller';
import { CartRepository } from './infrastructure/cart.repository';
import { cartDescriptor } from './cart.descriptor';

// Tables are written with plain SQL (CartRepository); the schema lives in migrations/cart.
const database: ModuleDatabaseDefinition = { module: 'cart', entities: [] };

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadCartConfig(config.source);

/** The cart bounded context: guest and customer carts and their lines with price snapshots. */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('cart')],
  controllers: [CartsController],
  providers: [
    { provide: CART_CONFIG, inject: [APP_CONFIG], useFactory: settings },
    CartRepository,
    CatalogVariants,
    CartPricing,
    CartChanges,
    CreateCartUseCase,
    GetCartUseCase,
    AddItemUseCase,
    ChangeItemQuantityUseCase,
    RemoveItemUseCase,
    ClaimCartUseCase,
    AcceptPricesUseCase,
    ChooseShippingMethodUseCase,
    ClearShippingMethodUseCase,
    ApplyPromotionCodeUseCase,
    RemovePromotionCodeUseCase,
    GetCartForCheckoutHandler,
    GetCartForQuoteHandler,
    ClearCartHandler,
    RefreshPricesOnProductUpdatedHandler,
    GuestCartSweeper,
  ],
})
export class CartModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = cartDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
