import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const DECIMAL = /^\d{1,16}(\.\d{1,9})?$/;

export class NewPriceDto {
  @ApiProperty({ example: 'gpt-4o-mini' }) @IsString() @Length(1, 200) readonly modelName: string;

  @ApiProperty({
    example: '^gpt-4o-mini(-\\d{4}-\\d{2}-\\d{2})?$',
    description: 'Anchored regex (^…$), case-insensitive',
  })
  @IsString()
  @Length(2, 500)
  readonly matchPattern: string;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00.000Z',
    description: 'Default: now. Calls before it keep the old price',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  readonly effectiveFrom?: string;

  @ApiProperty({ example: 'USD' }) @IsString() @Matches(/^[A-Z]{3}$/) readonly currency: string;

  @ApiProperty({ example: '0.15', description: 'Per 1M input tokens (not cached)' })
  @Matches(DECIMAL)
  readonly input: string;

  @ApiProperty({ example: '0.60', description: 'Per 1M output tokens' }) @Matches(DECIMAL) readonly output: string;

  @ApiPropertyOptional({ example: '0.075', description: 'Per 1M cached input tokens (default: input)' })
  @IsOptional()
  @Matches(DECIMAL)
  readonly cachedInput?: string;

  @ApiPropertyOptional({ example: '0.1875', description: 'Per 1M cache-write tokens (default: input)' })
  @IsOptional()
  @Matches(DECIMAL)
  readonly cacheWrite?: string;

  @ApiPropertyOptional({ example: '0.60', description: 'Per 1M reasoning tokens (default: output)' })
  @IsOptional()
  @Matches(DECIMAL)
  readonly reasoning?: string;

  @ApiPropertyOptional({ example: 'Price change announced 2026-11-20' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  readonly note?: string;
}

export class BudgetDto {
  @ApiProperty({ enum: ['global', 'feature'], example: 'feature' })
  @IsIn(['global', 'feature'])
  readonly scope: 'global' | 'feature';

  @ApiPropertyOptional({ example: 'catalog.description-drafts', description: 'With scope feature' })
  @ValidateIf((b: BudgetDto) => b.scope === 'feature')
  @IsString()
  @Length(1, 100)
  readonly feature?: string;

  @ApiProperty({ enum: ['day', 'month'], example: 'month' }) @IsIn(['day', 'month']) readonly period: 'day' | 'month';

  @ApiProperty({
    example: '25.00',
    description: 'Hard limit in AI_BUDGET_CURRENCY: calls that could pass it are refused',
  })
  @Matches(DECIMAL)
  readonly limit: string;

  @ApiPropertyOptional({
    example: '20.00',
    nullable: true,
    description: 'Crossing it publishes ai.BudgetSoftLimitReached.v1',
  })
  @IsOptional()
  @Matches(DECIMAL)
  readonly softLimit?: string | null;

  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() readonly active?: boolean;
}

export class SpendQueryDto {
  @ApiProperty({ example: '2026-11-01', description: 'First day (UTC), inclusive' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsDateString({ strict: true })
  readonly from: string;

  @ApiProperty({ example: '2026-12-01', description: 'Last day (UTC), exclusive' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsDateString({ strict: true })
  readonly to: string;

  @ApiPropertyOptional({ example: 'catalog.description-drafts' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly feature?: string;
}

export class PriceResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty() readonly modelName: string;
  @ApiProperty() readonly matchPattern: string;
  @ApiProperty() readonly effectiveFrom: Date;
  @ApiProperty({ example: 'USD' }) readonly currency: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    example: { input: '0.150000' },
  })
  readonly perMillionTokens: Record<string, string | null>;
  @ApiProperty({ enum: ['default', 'admin'] }) readonly source: 'default' | 'admin';
  @ApiProperty({ type: String, nullable: true }) readonly note: string | null;
}

export class PriceListResponse {
  @ApiProperty({ type: [PriceResponse] }) readonly items: PriceResponse[];
}

export class BudgetWindowResponse {
  @ApiProperty() readonly start: Date;
  @ApiProperty() readonly end: Date;
  @ApiProperty({ example: '3.250000000' }) readonly spent: string;
  @ApiProperty({ example: '0.004000000', description: 'Held by calls under way' }) readonly reserved: string;
}

export class BudgetResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ enum: ['global', 'feature'] }) readonly scope: string;
  @ApiProperty({ type: String, nullable: true }) readonly feature: string | null;
  @ApiProperty({ enum: ['day', 'month'] }) readonly period: string;
  @ApiProperty({ example: 'USD' }) readonly currency: string;
  @ApiProperty({ example: '25.000000000' }) readonly limit: string;
  @ApiProperty({ type: String, nullable: true }) readonly softLimit: string | null;
  @ApiProperty() readonly active: boolean;
  @ApiProperty({ type: BudgetWindowResponse }) readonly window: BudgetWindowResponse;
  @ApiProperty({ type: Date, nullable: true }) readonly softAlertedAt: Date | null;
}

export class BudgetChangeResponse {
  @ApiProperty({ type: Date }) readonly changedAt: Date;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: "The admin's user id" })
  readonly changedBy: string | null;
  @ApiProperty({
    type: [String],
    enum: ['created', 'limit', 'softLimit', 'period', 'active'],
    description: 'The settings this version changed from the one before',
  })
  readonly changed: ('created' | 'limit' | 'softLimit' | 'period' | 'active')[];
  @ApiProperty({ enum: ['day', 'month'], description: 'The window (reset) of the budget' }) readonly period:
    'day' | 'month';
  @ApiProperty({ example: 'USD' }) readonly currency: string;
  @ApiProperty({ example: '25.000000000' }) readonly limit: string;
  @ApiProperty({ type: String, nullable: true }) readonly softLimit: string | null;
  @ApiProperty() readonly active: boolean;
}

export class BudgetChangeListResponse {
  @ApiProperty({ type: [BudgetChangeResponse], description: 'Newest first' }) readonly items: BudgetChangeResponse[];
}

export class BudgetListResponse {
  @ApiProperty({ type: [BudgetResponse] }) readonly items: BudgetResponse[];
}

export class SpendResponse {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) readonly items: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Per currency: calls, unpriced calls, cost' })
  readonly totals: unknown;
}
