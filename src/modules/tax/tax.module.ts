import { Module } from '@nestjs/common';

/**
 * Tax (issue 19): rates per country and product tax category, the store's price mode, tax on
 * shipping, and the tax amounts of a cart. Only its pure rules exist so far (`domain/`); the module is
 * deliberately empty and NOT listed in `BUSINESS_MODULES` until it has its schema, contracts and
 * handlers (see docs/modules/tax.md and ADR 0107). It has the shape every module has (index.ts →
 * contracts + Nest module), which the architecture tests require.
 */
@Module({})
export class TaxModule {}
