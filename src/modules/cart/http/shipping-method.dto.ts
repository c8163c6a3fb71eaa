import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

/** Body of PUT /carts/:id/shipping-method. The price comes from shipping's quote, never from the client. */
export class ChooseShippingMethodDto {
  @ApiProperty({ format: 'uuid', description: 'A method from GET /shipping/options' })
  @IsUUID('all')
  readonly methodId!: string;

  @ApiProperty({ example: 'DE', description: 'The destination, ISO 3166-1 alpha-2, upper case' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an upper-case ISO 3166-1 alpha-2 code such as DE' })
  readonly country!: string;
}
