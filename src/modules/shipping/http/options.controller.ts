import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser } from '../../../platform/auth';
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
  @Authenticated()
  @ApiOperation({
    summary: 'The shipping methods for your cart and a destination, priced (cheapest first)',
    description:
      'Only methods whose zone holds the country, with a price in the cart’s currency, that can carry its weight. ' +
      'Someone else’s cart is a 404.',
  })
  @ApiOkResponse({ type: ShippingOptionsResponse })
  options(@Query() query: ShippingOptionsDto, @CurrentUser() user: AuthenticatedUser): Promise<ShippingOptions> {
    return this.quoteCart.execute({ cartId: query.cartId.toLowerCase(), country: query.country, customerId: user.id });
  }
}
