import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { describeError } from '../../../../platform/errors';
import { RequestContext } from '../../../../platform/context';
import { DataToolResult, MessageBus, RemoteProblemError, UnitOfWork } from '../../../../platform/messaging';
import { Reach, reachOf } from '../../domain/data-tools/data-scopes';
import { FeatureGrantVersion, initialGrants, ToolLimits } from '../../domain/data-tools/feature-grants';
import { featureScopeDeclaration } from '../../domain/data-tools/feature-scope-declarations';
import { argumentsHash, parseToolArguments, projectRows } from '../../domain/data-tools/tool-arguments';
import { ToolCallRecord } from '../../domain/data-tools/tool-call-record';
import { ToolCallVerdict } from '../../domain/data-tools/tool-call-verdict';
import { maskPiiDeep } from '../../domain/pii-masking';
import { FeatureGrantRepository } from '../../infrastructure/feature-grant.repository';
import { ToolCallAuditRepository } from '../../infrastructure/tool-call-audit.repository';
import { DataTool, DataToolCatalogue } from './data-tool-catalogue';

/** A model's tool call, in the OpenAI Chat Completions shape (`message.tool_calls[i]`). */
export interface ModelToolCall {
  readonly id: string;
  readonly type: string;
  readonly function?: { readonly name: string; readonly arguments: string };
}

/** The answer to one tool call, in the OpenAI shape (`{ role: 'tool', tool_call_id, content }`). */
export interface ToolMessage {
  readonly role: 'tool';
  readonly tool_call_id: string;
  /** JSON: `{ rows, truncated }`, or `{ error, detail }` when refused or failed. */
  readonly content: string;
}

/** One turn's tool calls and who they are made for. */
export interface ToolTurn {
  readonly feature: string;
  /** The person the feature acts for; `own` grants filter every row by them. */
  readonly actorUserId: string | null;
  readonly toolCalls: readonly ModelToolCall[];
  readonly promptName?: string | null;
  readonly promptVersion?: number | null;
  /** The gateway's call log id of the model call that asked. */
  readonly callId?: string | null;
  /** The loop has made its last model call: every call is refused (`refused_limit`), and audited. */
  readonly noMoreCalls?: boolean;
}

/** What the executor decided for one call, before it is audited. */
interface Decision {
  readonly verdict: ToolCallVerdict;
  readonly tool: DataTool | undefined;
  readonly reach: Reach | null;
  readonly rows: readonly Record<string, unknown>[];
  readonly truncated: boolean;
  readonly detail: string | null;
}

/**
 * The server side of the tool loop: for each tool call of a model turn it checks the feature's
 * grants (read fresh on every turn: a revoke applies to the next call), refuses writes, unknown
 * tools, bad arguments and calls over the turn's limit, asks the owner's query with
 * the acting user as the row filter and the row limit, keeps only the declared fields, masks
 * personal data, and audits every call (allowed or not) before any result goes back to the model.
 */
@Injectable()
export class ToolCallExecutor {
  private readonly logger = new Logger('ToolCallExecutor');

  constructor(
    private readonly catalogue: DataToolCatalogue,
    private readonly grants: FeatureGrantRepository,
    private readonly audit: ToolCallAuditRepository,
    private readonly bus: MessageBus,
    private readonly uow: UnitOfWork,
  ) {}

  /** The feature's effective scopes (its grants within what it declares) and limits, read now. */
  async effectiveGrants(feature: string): Promise<{ scopes: string[]; version: number } & ToolLimits> {
    const current: Pick<FeatureGrantVersion, 'scopes' | 'version'> & ToolLimits =
      (await this.grants.current(feature)) ?? initialGrants(feature);
    const declared = featureScopeDeclaration(feature)?.scopes ?? [];
    return {
      scopes: current.scopes.filter((s) => declared.includes(s)),
      version: current.version,
      maxToolCallsPerTurn: current.maxToolCallsPerTurn,
      maxRowsPerCall: current.maxRowsPerCall,
    };
  }

  /** Answers every tool call of a turn, in order; throws (answering none) when the audit cannot be written. */
  async answer(turn: ToolTurn): Promise<ToolMessage[]> {
    const grants = await this.effectiveGrants(turn.feature);
    const correlationId = RequestContext.current()?.correlationId ?? uuidv7();
    const decisions = await Promise.all(
      turn.toolCalls.map(async (call, index) => {
        const started = performance.now();
        const decision = await this.decide(call, index, turn, grants);
        return { call, decision, latencyMs: Math.round(performance.now() - started) };
      }),
    );
    const records: Omit<ToolCallRecord, 'at'>[] = decisions.map(({ call, decision, latencyMs }) => ({
      id: uuidv7(),
      callId: turn.callId ?? null,
      feature: turn.feature,
      promptName: turn.promptName ?? null,
      promptVersion: turn.promptVersion ?? null,
      actorUserId: turn.actorUserId,
      tool: String(call.function?.name ?? `(${call.type})`).slice(0, 200),
      toolCallId: typeof call.id === 'string' ? call.id.slice(0, 200) : null,
      scope: decision.tool?.scope ?? null,
      reach: decision.reach,
      argumentsSha256: argumentsHash(String(call.function?.arguments ?? '')),
      rowsReturned: decision.rows.length,
      verdict: decision.verdict,
      detail: decision.detail,
      latencyMs,
      grantsVersion: grants.version,
      correlationId,
    }));
    await this.uow.run((tx) => this.audit.record(tx, records));
    return decisions.map(({ call, decision }) => ({
      role: 'tool',
      tool_call_id: call.id,
      content: JSON.stringify(
        decision.verdict === 'allowed'
          ? { rows: decision.rows, truncated: decision.truncated }
          : { error: decision.verdict, detail: decision.detail },
      ),
    }));
  }

  private async decide(
    call: ModelToolCall,
    index: number,
    turn: ToolTurn,
    grants: { scopes: string[] } & ToolLimits,
  ): Promise<Decision> {
    const refuse = (verdict: ToolCallVerdict, detail: string, tool?: DataTool, reach: Reach | null = null) => ({
      verdict,
      tool,
      reach,
      rows: [],
      truncated: false,
      detail,
    });
    if (turn.noMoreCalls) return refuse('refused_limit', 'The tool loop made its last model call.');
    if (index >= grants.maxToolCallsPerTurn) {
      return refuse('refused_limit', `At most ${grants.maxToolCallsPerTurn} tool calls per turn.`);
    }
    const name = call.type === 'function' ? call.function?.name : undefined;
    if (typeof name !== 'string') return refuse('refused_unknown', 'Only function tools exist.');
    const tool = this.catalogue.byName(name);
    if (!tool) {
      return this.catalogue.namesACommand(name)
        ? refuse('refused_write', 'Tools only read. Propose the change; a person makes it through the normal routes.')
        : refuse('refused_unknown', 'No such tool.');
    }
    const reach = reachOf(grants.scopes, tool);
    if (reach === null) return refuse('refused_scope', `This feature is not granted ${tool.scope}.`, tool);
    const parsed = parseToolArguments(String(call.function?.arguments ?? ''), tool.parameters);
    if (!parsed.ok) return refuse('refused_arguments', parsed.problems.join('; '), tool, reach);
    try {
      const result: DataToolResult<object> = await this.bus.query(
        new tool.query(parsed.args, { userId: turn.actorUserId, reach }, grants.maxRowsPerCall),
      );
      const rows = Array.isArray(result?.rows) ? result.rows : [];
      const kept = projectRows(rows.slice(0, grants.maxRowsPerCall), tool.fields);
      return {
        verdict: 'allowed',
        tool,
        reach,
        rows: maskPiiDeep(kept) as Record<string, unknown>[],
        truncated: Boolean(result?.truncated) || rows.length > grants.maxRowsPerCall,
        detail: null,
      };
    } catch (error) {
      const detail =
        error instanceof RemoteProblemError
          ? `${tool.owner}: ${error.problem.title ?? error.problem.type}`
          : `${tool.owner} failed`;
      this.logger.warn(`${tool.name} for ${turn.feature} failed: ${describeError(error)}`);
      return refuse('error', detail, tool, reach);
    }
  }
}
