import { Type } from '@nestjs/common';
import { AppConfig } from './platform/config';
import { ModuleDatabaseDefinition } from './platform/database';
import { ModuleDescriptor } from './platform/modules';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AiModule } from './modules/ai/ai.module';
import { CartModule } from './modules/cart/cart.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrdersModule } from './modules/orders/orders.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { PromotionsModule } from './modules/promotions/promotions.module';
import { RecommendationsModule } from './modules/recommendations/recommendations.module';
import { ShippingModule } from './modules/shipping/shipping.module';
import { TaxModule } from './modules/tax/tax.module';

/** Every bounded context of Arcade, by the name used in `MODULES`, schemas and URL prefixes. */
export type BusinessModule = Type & {
  /** Its name, summary, URL prefixes and allowed dependencies (`<m>.descriptor.ts`). */
  readonly descriptor: ModuleDescriptor;
  readonly database: ModuleDatabaseDefinition;
  /** Reads the module's own settings from the app configuration; throws a ConfigError on a bad one. */
  readonly settings: (config: AppConfig) => unknown;
};

export const BUSINESS_MODULES: Readonly<Record<string, BusinessModule>> = {
  accounts: AccountsModule,
  catalog: CatalogModule,
  cart: CartModule,
  orders: OrdersModule,
  payments: PaymentsModule,
  recommendations: RecommendationsModule,
  notifications: NotificationsModule,
  shipping: ShippingModule,
  promotions: PromotionsModule,
  tax: TaxModule,
  ai: AiModule,
};

/** The names of the registered modules, in the order above. */
export const MODULE_NAMES = Object.keys(BUSINESS_MODULES);
