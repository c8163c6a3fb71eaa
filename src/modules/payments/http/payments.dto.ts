import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_MINOR_UNITS } from '../../../platform/messaging';

/** `GET /payments?orderId=`: whose payments. */
export class ListPaymentsQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  readonly orderId: string;
}

/** Money as everywhere in the API: integer minor units and an ISO 4217 code. */
export class RefundAmountDto {
  @ApiProperty({ example: 1000, description: 'Integer minor units (cents), at least 1', maximum: MAX_MINOR_UNITS })
  @IsInt()
  @Min(1)
  @Max(MAX_MINOR_UNITS)
  readonly amount: number;

  @ApiProperty({ example: 'EUR', description: "ISO 4217; must be the payment's currency" })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  readonly currency: string;
}

/** `POST /payments/:id/refund`: how much (all that is left by default) and why. */
export class RefundPaymentDto {
  @ApiPropertyOptional({
    type: RefundAmountDto,
    description: 'How much to refund; omitted = everything captured and not yet refunded.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RefundAmountDto)
  readonly amount?: RefundAmountDto;

  @ApiPropertyOptional({ maxLength: 200, example: 'damaged in transit' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly reason?: string;
}
