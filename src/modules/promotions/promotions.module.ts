import { Module } from '@nestjs/common';

/**
 * Promotions (issue 19): codes and automatic promotions, their conditions and limits, and the
 * discounts they give. Only its pure rules exist so far (`domain/`); the module is deliberately empty
 * and NOT listed in `BUSINESS_MODULES` until it has its schema, contracts and handlers (see
 * docs/modules/promotions.md and ADR 0107). It has the shape every module has (index.ts → contracts +
 * Nest module), which the architecture tests require.
 */
@Module({})
export class PromotionsModule {}
