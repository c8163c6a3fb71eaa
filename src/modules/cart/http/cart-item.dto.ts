import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from '../domain/cart-limits';

/** Body of POST /carts/:id/items. Prices and totals come from catalog, never from the client. */
export class AddCartItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  readonly variantId!: string;

  @ApiProperty({ minimum: MIN_LINE_QUANTITY, maximum: MAX_LINE_QUANTITY, example: 1 })
  @IsInt()
  @Min(MIN_LINE_QUANTITY)
  @Max(MAX_LINE_QUANTITY)
  readonly quantity!: number;
}

/** Body of PATCH /carts/:id/items/:itemId. */
export class ChangeCartItemDto {
  @ApiProperty({ minimum: MIN_LINE_QUANTITY, maximum: MAX_LINE_QUANTITY, example: 2 })
  @IsInt()
  @Min(MIN_LINE_QUANTITY)
  @Max(MAX_LINE_QUANTITY)
  readonly quantity!: number;
}
