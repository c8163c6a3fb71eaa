import { Module } from '@nestjs/common';
import { ListPromptsUseCase } from './application/prompts/list-prompts.use-case';
import { CreatePromptVersionUseCase } from './application/prompts/create-prompt-version.use-case';
import { ViewPromptUseCase } from './application/prompts/view-prompt.use-case';
import { ListPromptVersionsUseCase } from './application/prompts/list-prompt-versions.use-case';
import { ViewPromptVersionUseCase } from './application/prompts/view-prompt-version.use-case';
import { MoveLabelUseCase } from './application/prompts/move-label.use-case';
import { ListLabelMovesUseCase } from './application/prompts/list-label-moves.use-case';
import { ListCallsUseCase } from './application/calls/list-calls.use-case';
import { ViewCallUseCase } from './application/calls/view-call.use-case';
import { ViewPromptStatsUseCase } from './application/calls/view-prompt-stats.use-case';
import { ListPricesUseCase } from './application/costs/list-prices.use-case';
import { AddPriceUseCase } from './application/costs/add-price.use-case';
import { ListBudgetsUseCase } from './application/costs/list-budgets.use-case';
import { ListBudgetChangesUseCase } from './application/costs/list-budget-changes.use-case';
import { CreateBudgetUseCase } from './application/costs/create-budget.use-case';
import { UpdateBudgetUseCase } from './application/costs/update-budget.use-case';
import { ViewSpendUseCase } from './application/costs/view-spend.use-case';
import { ListFeaturesUseCase } from './application/gateway/list-features.use-case';
import { SetFeatureSettingsUseCase } from './application/gateway/set-feature-settings.use-case';
import { APP_CONFIG, AppConfig } from '../../platform/config';
import { ModuleDatabaseDefinition, ModuleDatabaseModule } from '../../platform/database';
import { ModuleMessagingModule } from '../../platform/messaging';
import { AI_CONFIG, AiConfig, loadAiConfig } from './ai.config';
import { CHAT_PROVIDERS, ChatProvider } from './application/gateway/chat-provider';
import { CompleteChatHandler } from './application/gateway/complete-chat.handler';
import { FeatureSettingsCache } from './application/gateway/feature-settings-cache';
import { ModelGateway } from './application/gateway/model-gateway';
import { PriceTable } from './application/costs/price-table';
import { BudgetLedger } from './infrastructure/budget-ledger';
import { CallLogRepository } from './infrastructure/call-log.repository';
import { FeatureSettingsRepository } from './infrastructure/feature-settings.repository';
import { PriceRepository } from './infrastructure/price.repository';
import { AnthropicChatProvider } from './infrastructure/providers/anthropic-chat.provider';
import { OpenAiChatProvider } from './infrastructure/providers/openai-chat.provider';
import { ChangeFeatureGrantsUseCase } from './application/data-tools/change-feature-grants.use-case';
import { CompleteChatWithDataToolsHandler } from './application/data-tools/complete-chat-with-data-tools.handler';
import { DataToolCatalogue } from './application/data-tools/data-tool-catalogue';
import { FeatureGrantsReader } from './application/data-tools/feature-grants-reader';
import { ListDataToolsUseCase } from './application/data-tools/list-data-tools.use-case';
import { ListFeatureGrantsUseCase } from './application/data-tools/list-feature-grants.use-case';
import { ListToolCallsUseCase } from './application/data-tools/list-tool-calls.use-case';
import { ToolCallExecutor } from './application/data-tools/tool-call-executor';
import { ToolLoop } from './application/data-tools/tool-loop';
import { ViewFeatureGrantsUseCase } from './application/data-tools/view-feature-grants.use-case';
import { GetPromptHandler } from './application/prompts/get-prompt.handler';
import { PromptCache } from './application/prompts/prompt-cache';
import { PromptResolver } from './application/prompts/prompt-resolver';
import { PromptVault } from './application/prompts/prompt-vault';
import { PromptViews } from './application/prompts/prompt-views';
import { CallViews } from './application/calls/call-views';
import { CallsController } from './http/calls.controller';
import { FeaturesController } from './http/features.controller';
import { CostsController } from './http/costs.controller';
import { CostAdmin } from './application/costs/cost-admin';
import { ReservationSweeper } from './application/costs/reservation.sweeper';
import { BudgetRepository } from './infrastructure/budget.repository';
import { SpendReader } from './infrastructure/spend.reader';
import { CallLogReader } from './infrastructure/call-log.reader';
import { DataToolsController } from './http/data-tools.controller';
import { PromptsController } from './http/prompts.controller';
import { FeatureGrantRepository } from './infrastructure/feature-grant.repository';
import { PromptRepository } from './infrastructure/prompt.repository';
import { ToolCallAuditRepository } from './infrastructure/tool-call-audit.repository';
import { aiDescriptor } from './ai.descriptor';

// The ai module reads and writes through lean SQL in its repositories, so it maps no entities.
const database: ModuleDatabaseDefinition = { module: 'ai', entities: [] };

/** Reads and validates the module's settings (also before start-up: validateModuleSettings). */
const settings = (config: AppConfig) => loadAiConfig(config.source);

/**
 * The AI toolkit (docs/modules/ai.md, ADR 0105, issue 20): the prompt vault, the model gateway, the
 * unified call log, the cost manager with budgets, and the scoped data tools. Other modules use it
 * only through its contracts (`ai.GetPrompt`, `ai.CompleteChat`, …).
 */
@Module({
  imports: [ModuleDatabaseModule.register(database), ModuleMessagingModule.register('ai')],
  controllers: [PromptsController, FeaturesController, CallsController, CostsController, DataToolsController],
  providers: [
    { provide: AI_CONFIG, inject: [APP_CONFIG], useFactory: settings },
    {
      provide: PromptCache,
      inject: [AI_CONFIG],
      useFactory: (config: AiConfig) =>
        new PromptCache({ ttlMs: config.promptCacheTtlMs, maxStaleMs: config.promptCacheMaxStaleMs }),
    },
    {
      // One adapter per configured provider, over its official SDK; none = AI features disabled.
      provide: CHAT_PROVIDERS,
      inject: [AI_CONFIG],
      useFactory: (config: AiConfig): ChatProvider[] =>
        config.providers.map((p) =>
          p.id === 'openai' ? new OpenAiChatProvider(p, config) : new AnthropicChatProvider(p, config),
        ),
    },
    PromptRepository,
    PromptVault,
    PromptViews,
    PromptResolver,
    GetPromptHandler,
    PriceRepository,
    PriceTable,
    FeatureSettingsRepository,
    FeatureSettingsCache,
    BudgetLedger,
    CallLogRepository,
    ModelGateway,
    CompleteChatHandler,
    CallLogReader,
    CallViews,
    BudgetRepository,
    SpendReader,
    CostAdmin,
    ReservationSweeper,
    ListPromptsUseCase,
    CreatePromptVersionUseCase,
    ViewPromptUseCase,
    ListPromptVersionsUseCase,
    ViewPromptVersionUseCase,
    MoveLabelUseCase,
    ListLabelMovesUseCase,
    ListCallsUseCase,
    ViewCallUseCase,
    ViewPromptStatsUseCase,
    ListPricesUseCase,
    AddPriceUseCase,
    ListBudgetsUseCase,
    ListBudgetChangesUseCase,
    CreateBudgetUseCase,
    UpdateBudgetUseCase,
    ViewSpendUseCase,
    ListFeaturesUseCase,
    SetFeatureSettingsUseCase,
    // Scoped data tools (the parameter manager)
    DataToolCatalogue,
    FeatureGrantRepository,
    ToolCallAuditRepository,
    FeatureGrantsReader,
    ToolCallExecutor,
    ToolLoop,
    ListDataToolsUseCase,
    ListFeatureGrantsUseCase,
    ViewFeatureGrantsUseCase,
    ChangeFeatureGrantsUseCase,
    ListToolCallsUseCase,
    CompleteChatWithDataToolsHandler,
  ],
})
export class AiModule {
  /** Its schema, entities and migrations, for the migration commands. */
  static readonly database = database;
  /** Its name, URL prefixes and allowed dependencies (the gateway and the import check read them). */
  static readonly descriptor = aiDescriptor;
  /** Its settings, read from the app configuration; a bad value throws a ConfigError. */
  static readonly settings = settings;
}
