import { PageQueryDto } from '../../../platform/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order';

/** `GET /orders`: a page, optionally filtered by status (and, for admins, by customer). */
export class ListOrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  readonly status?: OrderStatus;

  @ApiPropertyOptional({ description: 'Admins only' }) @IsOptional() @IsUUID() readonly customerId?: string;
}
