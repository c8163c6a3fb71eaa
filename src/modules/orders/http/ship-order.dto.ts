import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `POST /orders/:id/ship`: the carrier and its tracking number. */
export class ShipOrderDto {
  @ApiProperty({ example: 'DHL' }) @IsString() @Length(1, 100) readonly carrier: string;
  @ApiProperty({ example: 'JD014600003828' }) @IsString() @Length(1, 100) readonly trackingNumber: string;
}
