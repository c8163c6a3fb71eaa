import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, IdParam, Page } from '../../../platform/http';
import { ListUsersHandler } from '../application/users/list-users.handler';
import { SetUserRolesHandler } from '../application/users/set-user-roles.handler';
import { UserView } from '../application/views';
import { UserPage, UserResponse } from './accounts.response';
import { ListUsersQuery, SetRolesDto } from './users.dto';

@ApiTags('accounts')
@Roles('admin')
@Controller('accounts/users')
export class UsersController {
  constructor(
    private readonly listUsers: ListUsersHandler,
    private readonly setUserRoles: SetUserRolesHandler,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
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
    return this.setUserRoles.execute(admin.id, id, body.roles);
  }
}
