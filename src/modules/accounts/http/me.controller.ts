import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser } from '../../../platform/auth';
import { IdParam } from '../../../platform/http';
import { AddAddressHandler } from '../application/addresses/add-address.handler';
import { ListAddressesHandler } from '../application/addresses/list-addresses.handler';
import { RemoveAddressHandler } from '../application/addresses/remove-address.handler';
import { UpdateAddressHandler } from '../application/addresses/update-address.handler';
import { ChangePasswordHandler } from '../application/change-password/change-password.handler';
import { GetProfileHandler } from '../application/profile/get-profile.handler';
import { UpdateProfileHandler } from '../application/profile/update-profile.handler';
import { AddressView, UserView } from '../application/views';
import { AddressDto, ChangePasswordDto, UpdateAddressDto, UpdateProfileDto } from './me.dto';

@ApiTags('accounts')
@ApiBearerAuth()
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
  profile(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return this.getProfile.execute(user.id);
  }

  @Patch()
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<UserView> {
    return this.updateProfile.execute(user.id, body);
  }

  /** Changes the password (the current one is required); every session is revoked. */
  @Post('password')
  @HttpCode(204)
  async password(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.changePassword.execute(user.id, body.currentPassword, body.newPassword);
  }

  @Get('addresses')
  addresses(@CurrentUser() user: AuthenticatedUser): Promise<{ items: AddressView[]; nextCursor: null }> {
    return this.listAddresses.execute(user.id);
  }

  @Post('addresses')
  add(@CurrentUser() user: AuthenticatedUser, @Body() body: AddressDto): Promise<AddressView> {
    return this.addAddress.execute(user.id, body);
  }

  @Patch('addresses/:id')
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: UpdateAddressDto,
  ): Promise<AddressView> {
    return this.updateAddress.execute(user.id, id, body);
  }

  @Delete('addresses/:id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<void> {
    await this.removeAddress.execute(user.id, id);
  }
}
