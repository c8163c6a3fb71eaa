import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../../platform/http';

/** Where the order goes. */
export class ShippingAddressDto {
  @ApiProperty({ example: 'Ada Lovelace' }) @IsString() @Length(1, 200) readonly name: string;
  @ApiProperty({ example: '1 Analytical Way' }) @IsString() @Length(1, 200) readonly line1: string;
  @ApiPropertyOptional({ example: 'Flat 3', nullable: true, type: String, description: 'null or left out: none' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  readonly line2?: string | null;
  @ApiProperty({ example: 'Berlin' }) @IsString() @Length(1, 100) readonly city: string;
  @ApiProperty({ example: '10115' }) @IsString() @Length(1, 20) readonly postalCode: string;
  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an upper-case ISO 3166-1 alpha-2 code' })
  readonly country: string;
}

/** How the order is paid: a provider and its card token (never card data). */
export class PaymentMethodDto {
  @ApiProperty({ enum: ['sandbox', 'stripe'], example: 'sandbox' }) @IsIn(['sandbox', 'stripe']) readonly provider:
    'sandbox' | 'stripe';
  @ApiProperty({ example: 'tok_visa', description: "The provider's card token; never card data." })
  @IsString()
  @Length(1, 255)
  readonly token: string;
}

/** Prices, totals and status are not accepted: they come from the cart and the catalog. */
export class PlaceOrderDto {
  @ApiProperty({ format: 'uuid', example: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }) @IsUUID() readonly cartId: string;
  @ApiProperty({ type: ShippingAddressDto })
  @ValidateNested()
  @Type(() => ShippingAddressDto)
  readonly shippingAddress: ShippingAddressDto;
  @ApiProperty({ type: PaymentMethodDto })
  @ValidateNested()
  @Type(() => PaymentMethodDto)
  readonly payment: PaymentMethodDto;
  @ApiPropertyOptional({
    example: 4490,
    description:
      "The total the customer was shown (minor units of the cart currency, e.g. the cart's `totals.total.amount` " +
      'for this country). When sent, an order that would total anything else is refused with 409 `total-changed`.',
  })
  // Omittable, not IsOptional: null is not a total (400), only leaving it out is.
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly expectedTotal?: number;
}
