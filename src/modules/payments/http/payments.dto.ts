import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ListPaymentsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  readonly orderId: string;
}

export class RefundPaymentDto {
  @ApiPropertyOptional({ description: 'Minor units; omitted = everything captured and not yet refunded.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  readonly amount?: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly reason?: string;
}
