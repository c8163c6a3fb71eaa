import { Module } from '@nestjs/common';

/**
 * The AI toolkit (docs/architecture.md §11, issue 20). Only its pure rules exist so far (`domain/`); the module
 * is deliberately empty and NOT listed in `BUSINESS_MODULES` until it has its database, contracts
 * and handlers (see docs/modules/ai-design-notes.md). It exists so the module has the shape every
 * module has (index.ts → contracts + Nest module), which the architecture tests require.
 */
@Module({})
export class AiModule {}
