import { Module } from '@nestjs/common';

/**
 * Shipping (docs/architecture.md §1, issue 18): zones, methods and rate rules, quotes, shipments, tracking. Only
 * its pure rules exist so far (`domain/`, see docs/modules/shipping.md and ADR 0106); the module is
 * deliberately empty and NOT listed in `BUSINESS_MODULES` until it has its database, contracts and
 * handlers. It exists so the module has the shape every module has (index.ts → contracts + Nest
 * module), which the architecture tests require.
 */
@Module({})
export class ShippingModule {}
