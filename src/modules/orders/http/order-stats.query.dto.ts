import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/** A four-digit-year ISO 8601 date or date-time (with its offset): what PostgreSQL and JavaScript both hold. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** What a malformed instant is told. */
export const INSTANT_MESSAGE =
  '$property must be an ISO 8601 date or date-time with an offset, e.g. 2026-11-29T00:00:00Z';

/** `GET /orders/stats`: the window's start. */
export class OrderStatsQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-29T00:00:00Z',
    description: 'Start of the window (ISO 8601 date or date-time with offset); default: today 00:00 UTC',
  })
  @IsOptional()
  @Matches(INSTANT, {
    message: 'since must be an ISO 8601 date or date-time with an offset, e.g. 2026-11-29T00:00:00Z',
  })
  @IsISO8601({ strict: true })
  readonly since?: string;
}
