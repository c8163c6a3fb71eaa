import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DataToolView, FeatureGrantsView } from '../application/data-tools/data-tool-grant-views';
import type { FeatureGrantVersion } from '../domain/data-tools/feature-grants';
import type { ToolCallRecord } from '../domain/data-tools/tool-call-record';
import { TOOL_CALL_VERDICTS, ToolCallVerdict } from '../domain/data-tools/tool-call-verdict';

/** A data tool a module offers to AI features. */
export class DataToolResponse implements DataToolView {
  @ApiProperty({ example: 'catalog_product_facts' }) readonly name: string;
  @ApiProperty() readonly description: string;
  @ApiProperty({ example: 'catalog' }) readonly owner: string;
  @ApiProperty({ example: 'catalog.GetProductFacts' }) readonly queryType: string;
  @ApiProperty({ example: 'catalog:read' }) readonly scope: string;
  @ApiProperty({ enum: ['none', 'customer'] }) readonly rowsOwnedBy: 'none' | 'customer';
  @ApiProperty({ type: [String], example: ['catalog:read'] }) readonly grantableScopes: readonly string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of each argument' })
  readonly parameters: Readonly<Record<string, unknown>>;
  @ApiProperty({ type: [String], description: 'The fields of a row the model receives' })
  readonly fields: readonly string[];
}

export class DataToolListResponse {
  @ApiProperty({ type: [DataToolResponse] }) readonly items: DataToolResponse[];
}

/** One immutable version of a feature's grants. */
export class FeatureGrantVersionResponse implements FeatureGrantVersion {
  @ApiProperty({ example: 'catalog.description-drafts' }) readonly feature: string;
  @ApiProperty({ example: 2 }) readonly version: number;
  @ApiProperty({ type: [String], example: ['catalog:read'] }) readonly scopes: readonly string[];
  @ApiProperty({ example: 5 }) readonly maxToolCallsPerTurn: number;
  @ApiProperty({ example: 20 }) readonly maxRowsPerCall: number;
  @ApiProperty({ format: 'uuid' }) readonly changedBy: string;
  @ApiProperty({ format: 'date-time' }) readonly changedAt: string;
  @ApiProperty({ example: 'Description drafts read product facts' }) readonly reason: string;
}

/** A feature's data-tool access. */
export class FeatureGrantsResponse implements FeatureGrantsView {
  @ApiProperty({ example: 'catalog.description-drafts' }) readonly feature: string;
  @ApiProperty({ enum: ['customer', 'staff'] }) readonly audience: 'customer' | 'staff';
  @ApiProperty({ type: [String], example: ['catalog:read'] }) readonly declaredScopes: readonly string[];
  @ApiProperty({ example: 2, description: '0 = never granted anything (deny by default)' }) readonly version: number;
  @ApiProperty({ type: [String], example: ['catalog:read'] }) readonly scopes: readonly string[];
  @ApiProperty({ type: [String], example: ['catalog_product_facts'] }) readonly tools: readonly string[];
  @ApiProperty({ example: 5 }) readonly maxToolCallsPerTurn: number;
  @ApiProperty({ example: 20 }) readonly maxRowsPerCall: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly changedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly changedAt: string | null;
  @ApiPropertyOptional({ type: [FeatureGrantVersionResponse], description: 'Every version, newest first' })
  readonly history?: readonly FeatureGrantVersion[];
}

export class FeatureGrantsListResponse {
  @ApiProperty({ type: [FeatureGrantsResponse] }) readonly items: FeatureGrantsResponse[];
}

/** One line of the tool audit. */
export class ToolCallRecordResponse implements ToolCallRecord {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'date-time' }) readonly at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly callId: string | null;
  @ApiProperty({ example: 'orders.order-assistant' }) readonly feature: string;
  @ApiProperty({ type: String, nullable: true }) readonly promptName: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly promptVersion: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly actorUserId: string | null;
  @ApiProperty({ example: 'orders_customer_orders' }) readonly tool: string;
  @ApiProperty({ type: String, nullable: true, example: 'call_1' }) readonly toolCallId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'orders:read' }) readonly scope: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['own', 'any'] }) readonly reach: 'own' | 'any' | null;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  readonly argumentsSha256: string;
  @ApiProperty({ example: 1 }) readonly rowsReturned: number;
  @ApiProperty({ enum: TOOL_CALL_VERDICTS }) readonly verdict: ToolCallVerdict;
  @ApiProperty({ type: String, nullable: true }) readonly detail: string | null;
  @ApiProperty({ example: 3 }) readonly latencyMs: number;
  @ApiProperty({ example: 2 }) readonly grantsVersion: number;
  @ApiProperty() readonly correlationId: string;
}
