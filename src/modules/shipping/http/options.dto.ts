import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

/** `GET /shipping/options`: a cart and where it goes. */
export class ShippingOptionsDto {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' })
  @IsUUID('all')
  readonly cartId: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2, upper case' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an upper-case ISO 3166-1 alpha-2 code such as DE' })
  readonly country: string;
}
