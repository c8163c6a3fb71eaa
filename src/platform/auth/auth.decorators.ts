import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AuthenticatedUser, Role } from './authenticated-user';

export const AUTH_REQUIREMENT = Symbol('AUTH_REQUIREMENT');

export interface AuthRequirement {
  readonly roles: readonly Role[];
}

/** The route needs a valid access token (any role). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_REQUIREMENT, { roles: [] } satisfies AuthRequirement);

/** The route needs a valid access token carrying one of these roles; others get 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_REQUIREMENT, { roles } satisfies AuthRequirement);

/** The verified caller (undefined on a public route called without a token). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | undefined =>
    context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user,
);
