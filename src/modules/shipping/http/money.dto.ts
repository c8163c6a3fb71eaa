import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** `{ amount, currency }` in a request: an integer of minor units and an ISO 4217 code; `19.99` or `"1999"` is refused. */
export class MoneyDto {
  @ApiProperty({ example: 490, description: 'Integer minor units (cents); 0 and up' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly amount: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217, upper case' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  readonly currency: string;
}
