import { PageQueryDto } from '../../../platform/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { INSTANT, INSTANT_MESSAGE } from './order-stats.query.dto';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order';

/** `GET /orders`: a page, optionally filtered by status and when placed (and, for admins, by customer). */
export class ListOrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  readonly status?: OrderStatus;

  @ApiPropertyOptional({ description: 'Admins only' }) @IsOptional() @IsUUID() readonly customerId?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Placed at or after (ISO 8601 with offset)' })
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  @IsISO8601({ strict: true })
  readonly placedFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Placed before (ISO 8601 with offset)' })
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  @IsISO8601({ strict: true })
  readonly placedTo?: string;
}
