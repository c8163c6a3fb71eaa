import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '../../../platform/http';
import { ShippingOption, ShippingOptions } from '../contracts';
import { EstimateResponse } from './rates.response';

/** One way to ship the cart, priced. */
export class ShippingOptionResponse implements ShippingOption {
  @ApiProperty({ format: 'uuid' }) readonly methodId: string;
  @ApiProperty({ format: 'uuid' }) readonly zoneId: string;
  @ApiProperty({ example: 'Standard' }) readonly name: string;
  @ApiProperty({ type: MoneyResponse }) readonly price: MoneyResponse;
  @ApiProperty({ type: EstimateResponse }) readonly estimate: EstimateResponse;
}

/** The methods available for a cart and destination, cheapest first. */
export class ShippingOptionsResponse implements ShippingOptions {
  @ApiProperty({ type: [ShippingOptionResponse] }) readonly items: readonly ShippingOptionResponse[];
  @ApiProperty({ example: 1200, description: 'The cart weight the prices are for, in grams' })
  readonly weightGrams: number;
}
