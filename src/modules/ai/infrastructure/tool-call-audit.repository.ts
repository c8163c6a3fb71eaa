import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { Reach } from '../domain/data-tools/data-scopes';
import { ToolCallRecord } from '../domain/data-tools/tool-call-record';
import { ToolCallVerdict } from '../domain/data-tools/tool-call-verdict';

const COLUMNS = {
  id: 'id',
  at: 'at',
  callId: 'call_id',
  feature: 'feature',
  promptName: 'prompt_name',
  promptVersion: 'prompt_version',
  actorUserId: 'actor_user_id',
  tool: 'tool',
  toolCallId: 'tool_call_id',
  scope: 'scope',
  reach: 'reach',
  argumentsSha256: 'arguments_sha256',
  rowsReturned: 'rows_returned',
  verdict: 'verdict',
  detail: 'detail',
  latencyMs: 'latency_ms',
  grantsVersion: 'grants_version',
  correlationId: 'correlation_id',
} as const satisfies Record<keyof ToolCallRecord, string>;

const WRITTEN = (Object.keys(COLUMNS) as (keyof ToolCallRecord)[]).filter((k) => k !== 'at');
const RETURNING = Object.values(COLUMNS).join(', ');

interface ToolCallRow {
  readonly id: string;
  readonly at: Date;
  readonly call_id: string | null;
  readonly feature: string;
  readonly prompt_name: string | null;
  readonly prompt_version: number | null;
  readonly actor_user_id: string | null;
  readonly tool: string;
  readonly tool_call_id: string | null;
  readonly scope: string | null;
  readonly reach: Reach | null;
  readonly arguments_sha256: string;
  readonly rows_returned: number;
  readonly verdict: ToolCallVerdict;
  readonly detail: string | null;
  readonly latency_ms: number;
  readonly grants_version: number;
  readonly correlation_id: string;
}

/** Which audit lines a page holds: newest first, after the cursor's position. */
export interface ToolCallPageQuery {
  readonly limit: number;
  readonly feature?: string;
  readonly tool?: string;
  readonly verdict?: ToolCallVerdict;
  readonly actorUserId?: string;
  readonly correlationId?: string;
  readonly after?: { readonly at: string; readonly id: string };
}

/** The append-only audit of tool calls (the module's role may not UPDATE or DELETE it). */
@Injectable()
export class ToolCallAuditRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Records the tool calls of one turn, in one statement. */
  async record(tx: Transaction, records: readonly Omit<ToolCallRecord, 'at'>[]): Promise<ToolCallRecord[]> {
    if (records.length === 0) return [];
    const parameters: unknown[] = [];
    const tuples = records.map(
      (r) => `(${WRITTEN.map((key) => `$${parameters.push(r[key as keyof typeof r] ?? null)}`).join(', ')})`,
    );
    const rows = (await tx.manager.query(
      `INSERT INTO tool_calls (${WRITTEN.map((k) => COLUMNS[k]).join(', ')}) VALUES ${tuples.join(', ')}
       RETURNING ${RETURNING}`,
      parameters,
    )) as ToolCallRow[];
    return rows.map(toRecord);
  }

  /** A page of audit lines, newest first (one more than `limit` when there are more). */
  async page(query: ToolCallPageQuery): Promise<ToolCallRecord[]> {
    const parameters: unknown[] = [];
    const param = (value: unknown): string => `$${parameters.push(value)}`;
    const conditions: string[] = [];
    if (query.feature) conditions.push(`feature = ${param(query.feature)}`);
    if (query.tool) conditions.push(`tool = ${param(query.tool)}`);
    if (query.verdict) conditions.push(`verdict = ${param(query.verdict)}`);
    if (query.actorUserId) conditions.push(`actor_user_id = ${param(query.actorUserId)}`);
    if (query.correlationId) conditions.push(`correlation_id = ${param(query.correlationId)}`);
    if (query.after) {
      conditions.push(`(at, id) < (${param(query.after.at)}::timestamptz, ${param(query.after.id)}::uuid)`);
    }
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    const rows = (await this.uow.reader.query(
      `SELECT ${RETURNING} FROM tool_calls${where} ORDER BY at DESC, id DESC LIMIT ${param(query.limit + 1)}`,
      parameters,
    )) as ToolCallRow[];
    return rows.map(toRecord);
  }
}

function toRecord(row: ToolCallRow): ToolCallRecord {
  return {
    id: row.id,
    at: row.at.toISOString(),
    callId: row.call_id,
    feature: row.feature,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    actorUserId: row.actor_user_id,
    tool: row.tool,
    toolCallId: row.tool_call_id,
    scope: row.scope,
    reach: row.reach,
    argumentsSha256: row.arguments_sha256,
    rowsReturned: row.rows_returned,
    verdict: row.verdict,
    detail: row.detail,
    latencyMs: row.latency_ms,
    grantsVersion: row.grants_version,
    correlationId: row.correlation_id,
  };
}
