import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser } from '../../../platform/auth';
import { ApiProblem, IdParam } from '../../../platform/http';
import { AddAddressHandler } from '../application/addresses/add-address.handler';
import { ListAddressesHandler } from '../application/addresses/list-addresses.handler';
import { RemoveAddressHandler } from '../application/addresses/remove-address.handler';
import { UpdateAddressHandler } from '../application/addresses/update-address.handler';
import { ChangePasswordHandler } from '../application/change-password/change-password.handler';
import { GetProfileHandler } from '../application/profile/get-profile.handler';
import { UpdateProfileHandler } from '../application/profile/update-profile.handler';
import { AddressView, UserView } from '../application/views';
import { AddressPage, AddressResponse, UserResponse } from './accounts.response';
import { AddressDto, ChangePasswordDto, UpdateAddressDto, UpdateProfileDto } from './me.dto';

@ApiTags('accounts')
@Authenticated()
@Controller('accounts/me')
export class MeController {
  constructor(
    private readonly getProfile: GetProfileHandler,
    private readonly updateProfile: UpdateProfileHandler,
    private readonly changePassword: ChangePasswordHandler,
    private readonly listAddresses: ListAddressesHandler,
    private readonly addAddress: AddAddressHandler,
    private readonly updateAddress: UpdateAddressHandler,
    private readonly removeAddress: RemoveAddressHandler,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserResponse })
  profile(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return this.getProfile.execute(user.id);
  }

  @Patch()
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<UserView> {
    return this.updateProfile.execute(user.id, body);
  }

  /** Changes the password (the current one is required); every session is revoked. */
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every session is revoked' })
  @ApiProblem(400, 'validation', 'The current password is wrong (errors names currentPassword), or the new one is weak')
  async password(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.changePassword.execute(user.id, body.currentPassword, body.newPassword);
  }

  @Get('addresses')
  @ApiOkResponse({ type: AddressPage, description: 'The whole address book (nextCursor is always null)' })
  addresses(@CurrentUser() user: AuthenticatedUser): Promise<{ items: AddressView[]; nextCursor: null }> {
    return this.listAddresses.execute(user.id);
  }

  @Post('addresses')
  @ApiCreatedResponse({ type: AddressResponse })
  @ApiProblem(409, 'too-many-addresses', 'The address book is full')
  add(@CurrentUser() user: AuthenticatedUser, @Body() body: AddressDto): Promise<AddressView> {
    return this.addAddress.execute(user.id, body);
  }

  @Patch('addresses/:id')
  @ApiOkResponse({ type: AddressResponse })
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: UpdateAddressDto,
  ): Promise<AddressView> {
    return this.updateAddress.execute(user.id, id, body);
  }

  @Delete('addresses/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<void> {
    await this.removeAddress.execute(user.id, id);
  }
}
