import { Inject, Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { RequestContext } from '../../../../platform/context';
import { messageOf } from '../../../../platform/errors';
import { UnitOfWork } from '../../../../platform/messaging';
import { annotateActiveSpan, inSpan, SpanKind } from '../../../../platform/observability/tracing';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { ChatCompletion } from '../../contracts';
import { priceCall } from '../../domain/call-cost';
import { inputTokenBound, maxCallCostNanos } from '../../domain/cost-estimate';
import { formatNanos } from '../../domain/decimal-amount';
import { conservativePrices, findModelPrice, ModelPrice } from '../../domain/model-price-table';
import { maskPiiDeep, noPii } from '../../domain/pii-masking';
import { ChatMessage, renderTemplate } from '../../domain/prompt-template';
import { ModelSettings } from '../../domain/prompt-version';
import { BudgetLedger } from '../../infrastructure/budget-ledger';
import { CallLogRepository } from '../../infrastructure/call-log.repository';
import { aiDisabled, answeringProblems, budgetExhausted, providerFailed } from '../ai-problems';
import { CallOutcome, CallRecord } from '../calls/call-record';
import { PriceTable } from '../costs/price-table';
import { ChosenPrompt, PromptResolver } from '../prompts/prompt-resolver';
import { CHAT_PROVIDERS, ChatProvider, ProviderCallError, ProviderMessage, ProviderReply } from './chat-provider';
import { FeatureSettingsCache } from './feature-settings-cache';
import { GatewayRequest } from './gateway-request';
import { spanAttributes } from './span-attributes';

/** What a call reserves when no price in the budget currency can bound it: any budget refuses it. */
const UNBOUNDED_ESTIMATE = Number.MAX_SAFE_INTEGER;

/**
 * The one way to a model (docs/modules/ai.md): resolve the prompt (cache, A/B), render it with
 * checked variables, reserve its maximum cost against every applicable budget, call the provider
 * through its SDK (timeouts, retries with back-off), fall back to the feature's fallback model,
 * price what the provider reported, then log the call (masked bodies, usage, cost, outcome) and
 * settle its reservation in one transaction.
 */
@Injectable()
export class ModelGateway {
  constructor(
    @Inject(CHAT_PROVIDERS) private readonly providers: readonly ChatProvider[],
    @Inject(AI_CONFIG) private readonly config: AiConfig,
    private readonly uow: UnitOfWork,
    private readonly prompts: PromptResolver,
    private readonly features: FeatureSettingsCache,
    private readonly prices: PriceTable,
    private readonly ledger: BudgetLedger,
    private readonly calls: CallLogRepository,
  ) {}

  /** Whether any provider is configured (the admin views say `disabled` otherwise). */
  get enabled(): boolean {
    return this.providers.length > 0;
  }

  complete(request: GatewayRequest): Promise<ChatCompletion> {
    // With tracing on, the call is a GenAI client span (`chat {model}`) carrying the call log's
    // `gen_ai.*` attributes (ADR 0119); a refusal (budget, disabled) is its outcome, not an error.
    return answeringProblems(() =>
      inSpan(
        'chat',
        {
          kind: SpanKind.CLIENT,
          attributes: { 'gen_ai.operation.name': 'chat', 'arcade.module': 'ai', 'arcade.ai.feature': request.feature },
        },
        () => this.run(request),
      ),
    );
  }

  private async run(request: GatewayRequest): Promise<ChatCompletion> {
    const started = performance.now();
    const startedAt = new Date();
    const callId = uuidv7();
    const log = (facts: LogFacts) => this.log(request, callId, startedAt, started, facts);

    if (!this.enabled) {
      await log({ outcome: 'disabled', errorType: 'no_provider' });
      throw aiDisabled();
    }
    const chosen = await this.prompts.choose(request.promptName, request.label, request.stickyKey ?? request.userId);
    const version = chosen.version;
    const rendered = renderTemplate(version.template, version.variables, request.variables);
    const messages = toMessages(rendered.prompt, request);
    const promptFacts = { prompt: promptOf(chosen), ignoredVariables: rendered.ignoredVariables };
    const primary = version.settings;
    const provider = this.providers.find((p) => p.id === primary.provider);
    if (!provider) {
      await log({ ...promptFacts, outcome: 'disabled', errorType: 'no_provider', requestModel: primary.model });
      throw aiDisabled(`AI is disabled for provider "${primary.provider}": it is not configured.`);
    }
    const settings = await this.features.of(request.feature);
    const fallback = settings.fallback
      ? { ...primary, provider: settings.fallback.provider, model: settings.fallback.model }
      : null;
    const table = await this.prices.current();
    const estimate = this.estimate(table, messages, request, [primary, ...(fallback ? [fallback] : [])], startedAt);
    const reservation = await this.ledger.reserve(
      callId,
      request.feature,
      estimate,
      startedAt,
      this.config.reservationTtlMs,
    );
    if (!reservation.allowed) {
      await log({
        ...promptFacts,
        outcome: 'refused_budget',
        provider: provider.name,
        requestModel: primary.model,
        estimateNanos: estimate,
      });
      throw budgetExhausted(reservation.budgetId, reservation.windowEnd, startedAt);
    }

    let reply: ProviderReply | null = null;
    let used: ModelSettings = primary;
    let usedProvider = provider;
    let failure: ProviderCallError | null = null;
    let attempts = 0;
    for (const candidate of [primary, ...(fallback ? [fallback] : [])]) {
      const target = this.providers.find((p) => p.id === candidate.provider);
      if (!target) continue;
      try {
        reply = storable(
          await target.complete({
            model: candidate.model,
            messages,
            tools: request.tools,
            maxOutputTokens: candidate.maxOutputTokens,
            temperature: candidate.temperature,
            topP: candidate.topP,
            ...(request.stream ? { stream: true } : {}),
          }),
        );
        attempts += reply.attempts;
        used = candidate;
        usedProvider = target;
        break;
      } catch (error) {
        // An answer the adapter could not read (no choices, an HTML page) is a failed call like any
        // other: logged, its reservation settled, the fallback tried — never an unlogged escape.
        failure = error instanceof ProviderCallError ? error : unreadableAnswer(error);
        attempts += failure.attempts;
      }
    }

    const model = reply?.responseModel || used.model;
    const usage = reply?.usage?.usage ?? null;
    const cost = usage ? priceCall(table, model, startedAt, usage) : ({ priced: false, model } as const);
    // What the provider bills (ADR 0105): a failure without usage costs nothing; a success to an
    // unpriced model, in another currency, or without usage costs its estimate (never free).
    const charged =
      reply === null
        ? 0
        : cost.priced && cost.currency === this.config.budgetCurrency
          ? cost.totalNanos
          : Math.min(estimate, UNBOUNDED_ESTIMATE);
    const capture = settings.captureBodies;
    const pii = noPii();
    const requestBody = capture ? maskPiiDeep({ messages, tools: request.tools ?? [] }, pii) : null;
    const responseBody =
      capture && reply ? maskPiiDeep({ content: reply.content, toolCalls: reply.toolCalls }, pii) : null;
    await log({
      ...promptFacts,
      outcome: reply ? 'ok' : 'error',
      provider: usedProvider.name,
      server: usedProvider.server,
      requestModel: used.model,
      maxOutputTokens: used.maxOutputTokens,
      responseModel: reply?.responseModel ?? null,
      responseId: reply?.responseId ?? null,
      finishReason: reply?.finishReason ?? null,
      errorType: reply ? null : (failure?.errorType ?? 'unknown'),
      httpStatus: reply ? null : (failure?.httpStatus ?? null),
      attempts,
      fallbackUsed: used === fallback,
      streamed: reply?.streamed ?? false,
      ttftMs: reply?.ttftMs ?? null,
      usage,
      cost: cost.priced
        ? {
            priced: true,
            priceId: cost.priceId,
            currency: cost.currency,
            nanos: cost.nanos,
            totalNanos: cost.totalNanos,
          }
        : { priced: false },
      estimateNanos: reservation.budgets > 0 ? estimate : null,
      chargedNanos: charged,
      requestBody,
      responseBody,
      piiCounts: pii,
      warnings: [
        ...(reply?.warnings ?? []),
        ...(reply?.usage?.warnings ?? []),
        ...(usage && !cost.priced ? [`model "${model}" has no price: flagged, charged at its estimate`] : []),
        ...(reply && !usage ? ['the provider reported no usage: charged at the estimate'] : []),
      ],
      settle: reservation.budgets > 0,
    });
    if (!reply) throw providerFailed(failure?.errorType ?? 'unknown', failure?.httpStatus ?? null, attempts);
    return {
      callId,
      content: reply.content,
      toolCalls: reply.toolCalls,
      finishReason: reply.finishReason,
      prompt: { name: chosen.name, label: chosen.label, version: version.version, arm: chosen.arm },
      provider: usedProvider.id,
      model,
      fallbackUsed: used === fallback,
      usage,
      cost: cost.priced
        ? { priced: true, amount: formatNanos(cost.totalNanos), currency: cost.currency }
        : { priced: false, amount: null, currency: null },
    };
  }

  /** The most the call can cost on any model it may use (the dearest of primary and fallback). */
  private estimate(
    table: readonly ModelPrice[],
    messages: readonly ProviderMessage[],
    request: GatewayRequest,
    models: readonly ModelSettings[],
    at: Date,
  ): number {
    const texts: ChatMessage[] = messages.map((m) => ({
      role: 'user',
      content:
        m.role === 'assistant' ? `${m.content ?? ''}${JSON.stringify('toolCalls' in m ? m.toolCalls : [])}` : m.content,
    }));
    const bound = inputTokenBound(
      { type: 'chat', messages: texts },
      request.tools?.length ? JSON.stringify(request.tools) : undefined,
    );
    const currency = this.config.budgetCurrency;
    let max = 0;
    for (const model of models) {
      const row = findModelPrice(table, model.model, at);
      const prices = row && row.currency === currency ? row.prices : conservativePrices(table, currency, at);
      const estimate = prices ? maxCallCostNanos(prices, bound, model.maxOutputTokens) : UNBOUNDED_ESTIMATE;
      max = Math.max(max, estimate);
    }
    return max;
  }

  private async log(
    request: GatewayRequest,
    callId: string,
    startedAt: Date,
    started: number,
    facts: LogFacts,
  ): Promise<void> {
    const { server, maxOutputTokens, settle, ...rest } = facts;
    const record: CallRecord = {
      id: callId,
      startedAt,
      finishedAt: new Date(),
      feature: request.feature,
      callingModule: request.callingModule ?? null,
      operation: 'chat',
      prompt: null,
      provider: null,
      requestModel: null,
      responseModel: null,
      responseId: null,
      finishReason: null,
      errorType: null,
      httpStatus: null,
      attempts: 0,
      fallbackUsed: false,
      streamed: false,
      latencyMs: Math.round(performance.now() - started),
      ttftMs: null,
      usage: null,
      cost: { priced: false },
      estimateNanos: null,
      chargedNanos: 0,
      requestBody: null,
      responseBody: null,
      piiCounts: noPii(),
      ignoredVariables: [],
      warnings: [],
      correlationId: RequestContext.current()?.correlationId ?? null,
      userId: request.userId ?? null,
      attributes: {},
      ...rest,
    };
    const withSpan: CallRecord = {
      ...record,
      attributes: spanAttributes({
        providerName: record.provider,
        server: server ?? null,
        requestModel: record.requestModel,
        maxOutputTokens: maxOutputTokens ?? null,
        stream: record.streamed,
        responseId: record.responseId,
        responseModel: record.responseModel,
        finishReason: record.finishReason,
        usage: record.usage,
        promptName: record.prompt?.name ?? null,
        promptVersion: record.prompt?.version ?? null,
        promptLabel: record.prompt?.label ?? null,
        feature: record.feature,
        outcome: record.outcome,
        errorType: record.errorType,
        costNanos: record.cost.priced ? record.cost.totalNanos : null,
        priced: record.cost.priced,
      }),
    };
    annotateActiveSpan(
      { ...withSpan.attributes, ...(record.provider ? { 'gen_ai.system': record.provider } : {}) },
      record.requestModel ? `chat ${record.requestModel}` : undefined,
    );
    await this.uow.run(async (tx) => {
      await this.calls.append(tx, withSpan);
      if (settle) await this.ledger.settle(tx, callId, record.chargedNanos);
    });
  }
}

/** What a log line knows beyond the request: the record's fields, the span's extras, whether to settle. */
type LogFacts = Partial<CallRecord> & {
  outcome: CallOutcome;
  server?: ChatProvider['server'];
  maxOutputTokens?: number;
  settle?: boolean;
};

function promptOf(chosen: ChosenPrompt): CallRecord['prompt'] {
  return { name: chosen.name, version: chosen.version.version, label: chosen.label, arm: chosen.arm };
}

function toMessages(prompt: ReturnType<typeof renderTemplate>['prompt'], request: GatewayRequest): ProviderMessage[] {
  const base: ProviderMessage[] =
    prompt.type === 'text' ? [{ role: 'user', content: prompt.text }] : prompt.messages.map((m) => ({ ...m }));
  for (const turn of request.conversation ?? []) {
    if (turn.role === 'tool') base.push({ role: 'tool', toolCallId: turn.toolCallId, content: turn.content });
    else if (turn.role === 'assistant')
      base.push({ role: 'assistant', content: turn.content, toolCalls: turn.toolCalls });
    else base.push({ role: 'user', content: turn.content });
  }
  return base;
}

/** A provider's answer the adapter could not read: a failed call of type `invalid_response`. */
function unreadableAnswer(error: unknown): ProviderCallError {
  return new ProviderCallError(messageOf(error).slice(0, 500), 'invalid_response', null, 1);
}

/** NUL and unpaired surrogates, which PostgreSQL text and jsonb refuse. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must go
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without what PostgreSQL cannot store: NUL dropped, an unpaired surrogate replaced by U+FFFD. */
function storableText(text: string): string {
  return text.replace(UNSTORABLE, (found) => (found === '\u0000' ? '' : '\ufffd'));
}

/**
 * A provider's answer its callers (the call log, payments' explanations, catalog's drafts) can
 * store: a model or server may send NUL or unpaired surrogates, which PostgreSQL refuses.
 */
function storable(reply: ProviderReply): ProviderReply {
  return {
    ...reply,
    content: reply.content === null ? null : storableText(reply.content),
    toolCalls: reply.toolCalls.map((call) => ({
      id: storableText(call.id),
      name: storableText(call.name),
      arguments: storableText(call.arguments),
    })),
    finishReason: storableText(reply.finishReason),
    responseModel: storableText(reply.responseModel),
    responseId: reply.responseId === null ? null : storableText(reply.responseId),
  };
}
