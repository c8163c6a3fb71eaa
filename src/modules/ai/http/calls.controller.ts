import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Roles } from '../../../platform/auth';
import { IdParam, Page, PageOf, PageQueryDto } from '../../../platform/http';
import { CallView, VersionStats } from '../application/calls/call-views';
import { ListCallsUseCase } from '../application/calls/list-calls.use-case';
import { ViewCallUseCase } from '../application/calls/view-call.use-case';
import { ViewPromptStatsUseCase } from '../application/calls/view-prompt-stats.use-case';

const OUTCOMES = ['ok', 'error', 'refused_budget', 'refused_scope', 'disabled'] as const;

export class ListCallsDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'catalog.description-drafts' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly feature?: string;

  @ApiPropertyOptional({ example: 'catalog.product-description' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly promptName?: string;

  @ApiPropertyOptional({ example: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  readonly promptVersion?: number;

  @ApiPropertyOptional({ example: 'gpt-4o-mini', description: 'Requested or answering model' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly model?: string;

  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES)
  readonly outcome?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00.000Z', description: 'Calls started at or after' })
  @IsOptional()
  @IsDateString({ strict: true })
  readonly from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00.000Z', description: 'Calls started before' })
  @IsOptional()
  @IsDateString({ strict: true })
  readonly to?: string;
}

export class StatsQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00.000Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  readonly from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00.000Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  readonly to?: string;
}

export class CallCostResponse {
  @ApiProperty({ description: 'false: the model has no price (flagged, never free)' }) readonly priced: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'USD' }) readonly currency: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.000336900' }) readonly total: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: { type: 'string' } })
  readonly breakdown: Record<string, string> | null;
  @ApiProperty({ example: '0.000336900', description: 'What counts against budgets: what the provider billed' })
  readonly charged: string;
  @ApiProperty({ type: String, nullable: true, description: 'What was reserved before the call' })
  readonly estimate: string | null;
}

export class CallResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty() readonly startedAt: Date;
  @ApiProperty() readonly finishedAt: Date;
  @ApiProperty() readonly feature: string;
  @ApiProperty({ type: String, nullable: true }) readonly callingModule: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) readonly prompt: CallView['prompt'];
  @ApiProperty({ type: String, nullable: true }) readonly provider: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly requestModel: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly responseModel: string | null;
  @ApiProperty({ enum: OUTCOMES }) readonly outcome: string;
  @ApiProperty({ type: String, nullable: true }) readonly errorType: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly httpStatus: number | null;
  @ApiProperty() readonly attempts: number;
  @ApiProperty() readonly fallbackUsed: boolean;
  @ApiProperty() readonly latencyMs: number;
  @ApiProperty({ description: 'Whether the provider streamed the answer' }) readonly streamed: boolean;
  @ApiProperty({ type: Number, nullable: true }) readonly ttftMs: number | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: { type: 'integer' } })
  readonly usage: CallView['usage'];
  @ApiProperty({ type: CallCostResponse }) readonly cost: CallCostResponse;
  @ApiProperty({ type: String, nullable: true }) readonly correlationId: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly userId: string | null;
  @ApiProperty({ type: [String] }) readonly warnings: readonly string[];
  @ApiPropertyOptional({ description: 'Masked; absent in lists, null when capture is off' })
  readonly requestBody?: unknown;
  @ApiPropertyOptional() readonly responseBody?: unknown;
  @ApiPropertyOptional() readonly piiCounts?: unknown;
  @ApiPropertyOptional({ description: 'gen_ai.* span attributes' }) readonly attributes?: unknown;
}

export const CallPage = PageOf(CallResponse);

export class LatencyResponse {
  @ApiProperty({ type: Number, nullable: true }) readonly p50: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly p95: number | null;
}

export class VersionStatsResponse {
  @ApiProperty() readonly version: number;
  @ApiProperty({ enum: ['main', 'split'] }) readonly arm: string;
  @ApiProperty() readonly calls: number;
  @ApiProperty() readonly errors: number;
  @ApiProperty({ example: 0.0125 }) readonly errorRate: number;
  @ApiProperty({ type: LatencyResponse }) readonly latencyMs: LatencyResponse;
  @ApiProperty({ type: String, nullable: true, example: '0.000212000' }) readonly meanCost: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly currency: string | null;
  @ApiProperty() readonly unpricedCalls: number;
}

export class VersionStatsListResponse {
  @ApiProperty({ type: [VersionStatsResponse] }) readonly items: VersionStatsResponse[];
}

/** Admin: the unified log of every AI call, and how each prompt version does. */
@ApiTags('ai')
@Controller('ai')
@Roles('admin')
export class CallsController {
  constructor(
    private readonly listCalls: ListCallsUseCase,
    private readonly viewCall: ViewCallUseCase,
    private readonly promptStats: ViewPromptStatsUseCase,
  ) {}

  @Get('calls')
  @ApiOperation({ summary: 'AI calls, newest first, filtered by feature, prompt version, model, outcome, time' })
  @ApiOkResponse({ type: CallPage })
  list(@Query() q: ListCallsDto): Promise<Page<CallView>> {
    return this.listCalls.execute({
      filter: {
        feature: q.feature,
        promptName: q.promptName,
        promptVersion: q.promptVersion,
        model: q.model,
        outcome: q.outcome,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      },
      limit: q.limit,
      cursor: q.cursor,
    });
  }

  @Get('calls/:id')
  @ApiOperation({ summary: 'One call in full: masked bodies, usage, cost breakdown, span attributes' })
  @ApiOkResponse({ type: CallResponse })
  one(@IdParam() id: string): Promise<CallView> {
    return this.viewCall.execute({ id });
  }

  @Get('prompts/:name/stats')
  @ApiOperation({ summary: 'Per version and A/B arm: calls, error rate, p50/p95 latency, mean cost' })
  @ApiOkResponse({ type: VersionStatsListResponse })
  async stats(@Param('name') name: string, @Query() q: StatsQueryDto): Promise<{ items: VersionStats[] }> {
    return {
      items: await this.promptStats.execute({
        name,
        from: q.from ? new Date(q.from) : null,
        to: q.to ? new Date(q.to) : null,
      }),
    };
  }
}
