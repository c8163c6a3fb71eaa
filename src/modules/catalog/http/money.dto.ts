import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import { isCurrency } from '../../../platform/money';

export const MAX_PRICE_MINOR_UNITS = 1_000_000_000;

/** `{ amount, currency }`: an integer of minor units and an ISO 4217 code; `"19.99"` or `19.99` is refused. */
export class MoneyDto {
  @ApiProperty({ example: 1999, description: 'Integer minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_MINOR_UNITS)
  readonly amount: number;

  @ApiProperty({ example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  // Three letters are not enough: promotions, tax and shipping price only real currencies (`isCurrency`), so a
  // product in XXX, XAU or ABC would sit in carts that can get no code, no tax and no shipping quote.
  @ValidateBy({
    name: 'isCurrency',
    validator: {
      validate: (value) => isCurrency(value),
      defaultMessage: () => 'currency must be a currency Arcade prices in',
    },
  })
  readonly currency: string;
}
