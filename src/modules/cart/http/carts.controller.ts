import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblem, FieldError, IdParam, ProblemException } from '../../../platform/http';
import { Authenticated, AuthenticatedUser, CurrentUser } from '../../../platform/auth';
import { AcceptPricesUseCase } from '../application/accept-prices/accept-prices.use-case';
import { AddItemUseCase } from '../application/add-item/add-item.use-case';
import { ApplyPromotionCodeUseCase } from '../application/apply-promotion-code/apply-promotion-code.use-case';
import { CartView } from '../application/cart-view';
import { ChangeItemQuantityUseCase } from '../application/change-item-quantity/change-item-quantity.use-case';
import { ChooseShippingMethodUseCase } from '../application/choose-shipping-method/choose-shipping-method.use-case';
import { ClaimCartUseCase } from '../application/claim-cart/claim-cart.use-case';
import { ClearShippingMethodUseCase } from '../application/clear-shipping-method/clear-shipping-method.use-case';
import { CreateCartUseCase } from '../application/create-cart/create-cart.use-case';
import { GetCartUseCase } from '../application/get-cart/get-cart.use-case';
import { RemoveItemUseCase } from '../application/remove-item/remove-item.use-case';
import { RemovePromotionCodeUseCase } from '../application/remove-promotion-code/remove-promotion-code.use-case';
import { AddCartItemDto, ChangeCartItemDto } from './cart-item.dto';
import { CartResponse } from './cart.response';
import { ApplyPromotionCodeDto } from './promotion-code.dto';
import { ChooseShippingMethodDto } from './shipping-method.dto';

/**
 * Guest carts are reached by their unguessable id; a customer's cart only with that customer's
 * token (anyone else gets 404, as if it did not exist).
 */
@ApiTags('cart')
@ApiBearerAuth()
@Controller('carts')
export class CartsController {
  constructor(
    private readonly createCart: CreateCartUseCase,
    private readonly getCart: GetCartUseCase,
    private readonly addItem: AddItemUseCase,
    private readonly changeItem: ChangeItemQuantityUseCase,
    private readonly removeItem: RemoveItemUseCase,
    private readonly claimCart: ClaimCartUseCase,
    private readonly acceptPricesOf: AcceptPricesUseCase,
    private readonly chooseShipping: ChooseShippingMethodUseCase,
    private readonly clearShipping: ClearShippingMethodUseCase,
    private readonly applyCode: ApplyPromotionCodeUseCase,
    private readonly removeCode: RemovePromotionCodeUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open a cart (bound to the caller when a token is sent)' })
  @ApiResponse({ status: 201, type: CartResponse, description: 'A new cart' })
  @ApiResponse({ status: 200, type: CartResponse, description: "The customer's existing open cart" })
  @ApiProblem(400, 'validation', 'A body with fields was sent (the owner comes from the token)')
  async create(
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CartView> {
    rejectAnyField(body);
    const { cart, created } = await this.createCart.execute({ customerId: user?.id });
    void reply.status(created ? 201 : 200);
    return cart;
  }

  @Get(':id')
  @ApiOperation({ summary: 'A cart, with prices refreshed when their snapshot is old' })
  @ApiResponse({ status: 200, type: CartResponse })
  get(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser | undefined): Promise<CartView> {
    return this.getCart.execute({ cartId: id, userId: user?.id });
  }

  @Post(':id/items')
  @ApiOperation({ summary: 'Add a variant (merged with an existing line of it)' })
  @ApiResponse({ status: 201, type: CartResponse })
  @ApiProblem(404, 'not-found', 'No such variant')
  @ApiProblem(400, 'quantity-limit', 'A line would hold more than the most a line may')
  @ApiProblem(400, 'too-many-lines', 'The cart holds as many lines as it may')
  @ApiProblem(409, 'insufficient-stock', 'Fewer units are available')
  @ApiProblem(409, 'not-purchasable', 'The variant cannot be bought now')
  @ApiProblem(409, 'currency-mismatch', 'The variant is priced in another currency than the cart')
  add(
    @IdParam() id: string,
    @Body() body: AddCartItemDto,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<CartView> {
    return this.addItem.execute({ cartId: id, userId: user?.id, variantId: body.variantId, quantity: body.quantity });
  }

  @Patch(':id/items/:itemId')
  @ApiOperation({ summary: "Change a line's quantity" })
  @ApiResponse({ status: 200, type: CartResponse })
  @ApiProblem(400, 'quantity-limit', 'The line would hold more than the most a line may')
  @ApiProblem(409, 'insufficient-stock', 'Fewer units are available')
  @ApiProblem(409, 'not-purchasable', 'The variant cannot be bought now')
  change(
    @IdParam() id: string,
    @IdParam('itemId') itemId: string,
    @Body() body: ChangeCartItemDto,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<CartView> {
    return this.changeItem.execute({ cartId: id, userId: user?.id, itemId, quantity: body.quantity });
  }

  @Delete(':id/items/:itemId')
  @ApiOperation({ summary: 'Remove a line' })
  @ApiResponse({ status: 200, type: CartResponse })
  remove(
    @IdParam() id: string,
    @IdParam('itemId') itemId: string,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<CartView> {
    return this.removeItem.execute({ cartId: id, userId: user?.id, itemId });
  }

  @Post(':id/accept-prices')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept the current prices of every line',
    description:
      'Re-prices every line from catalog and makes those prices the accepted ones (what checkout charges): ' +
      '`priceChanged` clears. Checkout refuses a cart whose accepted prices differ from the current ones (409 `price-changed`).',
  })
  @ApiResponse({ status: 200, type: CartResponse, description: 'The cart at its newly accepted prices' })
  acceptPrices(
    @IdParam() id: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<CartView> {
    rejectAnyField(body);
    return this.acceptPricesOf.execute({ cartId: id, userId: user?.id });
  }

  @Put(':id/shipping-method')
  @ApiOperation({
    summary: 'Choose how the cart travels',
    description:
      'Shipping quotes the method for the cart’s lines (at their accepted prices) and the destination; the cart keeps ' +
      'the method at that price, which checkout charges. Changing the lines afterwards keeps the method and flags its ' +
      'price `stale`: choose it again to re-quote (checkout re-quotes it anyway and refuses a different price).',
  })
  @ApiResponse({ status: 200, type: CartResponse, description: 'The cart with the method and its price' })
  @ApiProblem(409, 'cart-empty', 'The cart has no lines')
  @ApiProblem(409, 'shipping-method-unavailable', 'Unknown or disabled method, or its zone is gone')
  @ApiProblem(409, 'shipping-method-not-serving-destination', 'The method’s zone does not hold the country')
  @ApiProblem(409, 'shipping-method-currency-unsupported', 'The method has no price in the cart’s currency')
  @ApiProblem(409, 'shipping-method-weight-exceeded', 'The cart is heavier than the method carries')
  chooseShippingMethod(
    @IdParam() id: string,
    @Body() body: ChooseShippingMethodDto,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<CartView> {
    return this.chooseShipping.execute({
      cartId: id,
      userId: user?.id,
      methodId: body.methodId.toLowerCase(),
      country: body.country,
    });
  }

  @Delete(':id/shipping-method')
  @ApiOperation({ summary: 'Forget the chosen shipping method' })
  @ApiResponse({ status: 200, type: CartResponse })
  clearShippingMethod(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser | undefined): Promise<CartView> {
    return this.clearShipping.execute({ cartId: id, userId: user?.id });
  }

  @Post(':id/promotions')
  @ApiOperation({
    summary: 'Apply a promotion code',
    description:
      'Promotions evaluates the cart (its lines at their current prices, its codes, its customer) with the new code; ' +
      'a code that does not apply is refused with a 409 whose type says why, and nothing is stored. Codes are kept ' +
      'in the order applied; per-customer limits and first-order conditions of a guest cart are checked at checkout.',
  })
  @ApiResponse({ status: 201, type: CartResponse, description: 'The code was applied: the cart, priced with it' })
  @ApiResponse({ status: 200, type: CartResponse, description: 'The cart already held the code' })
  @ApiProblem(409, 'promotion-unknown', 'No promotion has this code')
  @ApiProblem(409, 'promotion-disabled', 'The promotion is disabled')
  @ApiProblem(409, 'promotion-not-started', 'The promotion has not started yet')
  @ApiProblem(409, 'promotion-expired', 'The promotion has ended')
  @ApiProblem(
    409,
    'promotion-exhausted',
    'The promotion was redeemed as often as it may be (in total or by this customer)',
  )
  @ApiProblem(409, 'promotion-ineligible', 'The cart does not meet a condition (currency, first order, scope, minimum)')
  @ApiProblem(409, 'promotion-not-combinable', 'The code does not combine with a code already applied')
  @ApiProblem(409, 'promotion-codes-limit', 'The cart holds as many codes as it may')
  @ApiProblem(409, 'cart-empty', 'The cart has no lines')
  @ApiProblem(409, 'cart-changed', "The cart's codes kept changing under concurrent applies; nothing stored, try again")
  @ApiProblem(503, 'module-unavailable', 'Promotions did not answer')
  async applyPromotionCode(
    @IdParam() id: string,
    @Body() body: ApplyPromotionCodeDto,
    @CurrentUser() user: AuthenticatedUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CartView> {
    const { cart, applied } = await this.applyCode.execute({ cartId: id, userId: user?.id, code: body.code });
    void reply.status(applied ? 201 : 200);
    return cart;
  }

  @Delete(':id/promotions/:code')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an applied promotion code (case-insensitive)' })
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiProblem(404, 'not-found', 'No such cart for the caller, or the cart does not hold the code')
  async removePromotionCode(
    @IdParam() id: string,
    @Param('code') code: string,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<void> {
    await this.removeCode.execute({ cartId: id, userId: user?.id, code });
  }

  @Post(':id/claim')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: "Merge a guest cart into the caller's cart and retire it" })
  @ApiResponse({ status: 200, type: CartResponse, description: "The caller's cart" })
  @ApiProblem(400, 'quantity-limit', 'A merged line would hold more than the most a line may')
  @ApiProblem(400, 'too-many-lines', 'The merged cart would hold more lines than it may')
  @ApiProblem(409, 'currency-mismatch', 'The carts are priced in different currencies')
  claim(@IdParam() id: string, @CurrentUser() user: AuthenticatedUser): Promise<CartView> {
    return this.claimCart.execute({ guestCartId: id, customerId: user.id });
  }
}

/** POST /carts and accept-prices take no body (the owner comes from the token); any field sent is refused, not ignored. */
function rejectAnyField(body: unknown): void {
  if (body === undefined || body === null) return;
  const fields = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : ['body'];
  if (fields.length === 0) return;
  throw ProblemException.validation(fields.map((f) => new FieldError(f, `property ${f} should not exist`)));
}
