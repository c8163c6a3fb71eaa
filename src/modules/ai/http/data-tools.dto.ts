import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Omittable, PageQueryDto } from '../../../platform/http';
import { TOOL_CALL_VERDICTS, ToolCallVerdict } from '../domain/data-tools/tool-call-verdict';

const SCOPE = /^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*){1,3}$/;

/** A feature's tool limits (either may be left out: unchanged). */
export class ToolLimitsDto {
  @ApiPropertyOptional({
    example: 5,
    minimum: 1,
    maximum: 20,
    description: 'Tool calls the model may make in one turn',
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(20)
  readonly maxToolCallsPerTurn?: number;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 100, description: 'Rows one tool call returns at most' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(100)
  readonly maxRowsPerCall?: number;
}

/** `PATCH /ai/data-tool-grants/:feature`: scopes to grant and to revoke, limits, and why. */
export class ChangeFeatureGrantsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['catalog:read'],
    description: 'Scopes to add (declared by the feature)',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(SCOPE, { each: true, message: 'each scope must look like module:verb[:noun][:own|:any]' })
  readonly grant?: string[];

  @ApiPropertyOptional({ type: [String], example: ['orders:read:any'], description: 'Scopes to take away' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(SCOPE, { each: true, message: 'each scope must look like module:verb[:noun][:own|:any]' })
  readonly revoke?: string[];

  @ApiPropertyOptional({ type: ToolLimitsDto })
  @Omittable()
  @ValidateNested()
  @Type(() => ToolLimitsDto)
  readonly limits?: ToolLimitsDto;

  @ApiProperty({ example: 'Description drafts read product facts', description: 'Why (kept with the version)' })
  @IsString()
  @Length(1, 500)
  readonly reason: string;
}

/** `GET /ai/tool-calls`: filters and a page. */
export class ListToolCallsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'orders.order-assistant' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  readonly feature?: string;
  @ApiPropertyOptional({ example: 'orders_customer_orders' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  readonly tool?: string;
  @ApiPropertyOptional({ enum: TOOL_CALL_VERDICTS })
  @Omittable()
  @IsIn(TOOL_CALL_VERDICTS)
  readonly verdict?: ToolCallVerdict;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID() readonly actorUserId?: string;
  @ApiPropertyOptional({ example: '0190a000-0000-7000-8000-000000000001' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  readonly correlationId?: string;
}
