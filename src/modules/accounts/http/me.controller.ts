import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser } from '../../../platform/auth';
import { ApiProblem, IdParam } from '../../../platform/http';
import { AddAddressUseCase } from '../application/addresses/add-address.use-case';
import { ListAddressesUseCase } from '../application/addresses/list-addresses.use-case';
import { RemoveAddressUseCase } from '../application/addresses/remove-address.use-case';
import { UpdateAddressUseCase } from '../application/addresses/update-address.use-case';
import { ChangePasswordUseCase } from '../application/change-password/change-password.use-case';
import { GetProfileUseCase } from '../application/profile/get-profile.use-case';
import { UpdateProfileUseCase } from '../application/profile/update-profile.use-case';
import { AddressView, UserView } from '../application/views';
import { AddressPage, AddressResponse, UserResponse } from './accounts.response';
import { AddressDto, ChangePasswordDto, UpdateAddressDto, UpdateProfileDto } from './me.dto';

/** The caller's own account: profile, password and address book (`/accounts/me`). */
@ApiTags('accounts')
@Authenticated()
@Controller('accounts/me')
export class MeController {
  constructor(
    private readonly getProfile: GetProfileUseCase,
    private readonly updateProfile: UpdateProfileUseCase,
    private readonly changePassword: ChangePasswordUseCase,
    private readonly listAddresses: ListAddressesUseCase,
    private readonly addAddress: AddAddressUseCase,
    private readonly updateAddress: UpdateAddressUseCase,
    private readonly removeAddress: RemoveAddressUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserResponse })
  profile(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return this.getProfile.execute({ userId: user.id });
  }

  @Patch()
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<UserView> {
    return this.updateProfile.execute({ userId: user.id, name: body.name });
  }

  /** Changes the password (the current one is required); every session is revoked. */
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every session is revoked' })
  @ApiProblem(400, 'validation', 'The current password is wrong (errors names currentPassword), or the new one is weak')
  async password(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.changePassword.execute({
      userId: user.id,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
    });
  }

  @Get('addresses')
  @ApiOkResponse({ type: AddressPage, description: 'The whole address book (nextCursor is always null)' })
  addresses(@CurrentUser() user: AuthenticatedUser): Promise<{ items: AddressView[]; nextCursor: null }> {
    return this.listAddresses.execute({ userId: user.id });
  }

  @Post('addresses')
  @ApiCreatedResponse({ type: AddressResponse })
  @ApiProblem(409, 'too-many-addresses', 'The address book is full')
  add(@CurrentUser() user: AuthenticatedUser, @Body() body: AddressDto): Promise<AddressView> {
    return this.addAddress.execute({ userId: user.id, address: body });
  }

  @Patch('addresses/:id')
  @ApiOkResponse({ type: AddressResponse })
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: UpdateAddressDto,
  ): Promise<AddressView> {
    return this.updateAddress.execute({ userId: user.id, addressId: id, changes: body });
  }

  @Delete('addresses/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<void> {
    await this.removeAddress.execute({ userId: user.id, addressId: id });
  }
}
