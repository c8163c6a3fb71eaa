import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiRoles } from '../http/openapi-problems';
import { AuthenticatedUser, Role } from './authenticated-user';

export const AUTH_REQUIREMENT = Symbol('AUTH_REQUIREMENT');
export const OWN_CREDENTIALS = Symbol('OWN_CREDENTIALS');

export interface AuthRequirement {
  readonly roles: readonly Role[];
}

/** The route needs a valid access token (any role); the OpenAPI document says so (bearer, 401). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(AUTH_REQUIREMENT, { roles: [] } satisfies AuthRequirement), ApiBearerAuth());

/** The route needs a valid access token carrying one of these roles; others get 403 (documented). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(AUTH_REQUIREMENT, { roles } satisfies AuthRequirement), ApiBearerAuth(), ApiRoles(roles));

/** The verified caller (undefined on a public route called without a token). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | undefined =>
    context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user,
);

/**
 * The route checks a credential of its own in `Authorization` (e.g. the metrics token): the guard
 * neither verifies it as an access token nor sets a user.
 */
export const OwnCredentials = (): MethodDecorator & ClassDecorator => SetMetadata(OWN_CREDENTIALS, true);
