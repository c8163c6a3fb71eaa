import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../../platform/auth';
import { QuoteCartUseCase } from '../application/quote-shipping/quote-cart.use-case';
import { ShippingOptions } from '../contracts';
import { ShippingOptionsDto } from './options.dto';
import { ShippingOptionsResponse } from './options.response';

/** Customers: how their cart can travel, and what it costs. */
@ApiTags('shipping')
@Controller('shipping/options')
export class OptionsController {
  constructor(private readonly quoteCart: QuoteCartUseCase) {}

  @Get()
  @ApiOperation({
    summary: 'The shipping methods for your cart and a destination, priced (cheapest first)',
    description:
      'Only methods whose zone holds the country, with a price in the cart’s currency, that can carry its weight. ' +
      'A guest cart is quoted for anyone holding its id; a customer’s cart only for that customer (anyone else: 404).',
  })
  @ApiOkResponse({ type: ShippingOptionsResponse })
  options(
    @Query() query: ShippingOptionsDto,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<ShippingOptions> {
    return this.quoteCart.execute({ cartId: query.cartId.toLowerCase(), country: query.country, userId: user?.id });
  }
}
