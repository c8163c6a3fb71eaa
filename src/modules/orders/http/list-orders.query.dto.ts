import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import type { OrderStatus } from '../domain/order';

export class ListOrdersQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  readonly limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() readonly cursor?: string;

  @ApiPropertyOptional({ enum: ['pending', 'confirmed', 'shipped', 'cancelled'] })
  @IsOptional()
  @IsIn(['pending', 'confirmed', 'shipped', 'cancelled'])
  readonly status?: OrderStatus;

  @ApiPropertyOptional({ description: 'Admins only' }) @IsOptional() @IsUUID() readonly customerId?: string;
}
