import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, Page } from '../../../platform/http';
import { ListUsersUseCase } from '../application/users/list-users.use-case';
import { SetUserRolesUseCase } from '../application/users/set-user-roles.use-case';
import { UserView } from '../application/views';
import { UserPage, UserResponse } from './accounts.response';
import { ListUsersQueryDto, SetRolesDto } from './users.dto';

/** Users as an admin sees them: the list and their roles (`/accounts/users`). */
@ApiTags('accounts')
@Roles('admin')
@Controller('accounts/users')
export class UsersController {
  constructor(
    private readonly listUsers: ListUsersUseCase,
    private readonly setUserRoles: SetUserRolesUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.listUsers.execute({ ...query, limit: query.limit ?? 50 });
  }

  @Put(':id/roles')
  @ApiOkResponse({ type: UserResponse })
  @ApiProblem(409, 'last-admin-guard', 'An admin cannot remove their own admin role')
  setRoles(
    @CurrentUser() admin: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: SetRolesDto,
  ): Promise<UserView> {
    return this.setUserRoles.execute({ actorId: admin.id, userId: id, roles: body.roles });
  }
}
