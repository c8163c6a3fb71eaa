import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../http/problem.exception';
import { AccessTokens } from './access-tokens';
import { AccessStatusCache } from './access-status';
import { AUTH_REQUIREMENT, AuthRequirement, OWN_CREDENTIALS } from './auth.decorators';
import { AuthenticatedUser } from './authenticated-user';

/**
 * Runs on every route. A bearer token, when sent, must be valid (else 401) and becomes the
 * request's user; routes marked `@Authenticated()` or `@Roles()` also require one.
 *
 * A token that claims the admin role is checked against the user's current status as well (see
 * {@link AccessStatusCache}): a session revoked since it was issued gets 401 `session-revoked`, and a
 * role taken away since is dropped, so demotions, logout everywhere and new passwords bite on admin
 * rights within seconds rather than when the token expires. Other tokens live until they expire.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly statuses: AccessStatusCache,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(OWN_CREDENTIALS, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match ? this.tokens.verify(match[1]) : undefined;
      if (!user) throw unauthorized('The access token is missing, malformed, expired or invalid.');
      request.user = await this.current(user);
    }
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, targets);
    if (!requirement) return true;
    if (!request.user) throw unauthorized('This route needs an access token (Authorization: Bearer …).');
    if (requirement.roles.length > 0 && !requirement.roles.some((role) => request.user!.roles.includes(role))) {
      throw new ProblemException({ status: 403, type: 'forbidden', detail: 'Your role does not allow this.' });
    }
    return true;
  }

  /** The caller with the rights they hold now: an admin token is confirmed with the module that owns users. */
  private async current(user: AuthenticatedUser): Promise<AuthenticatedUser> {
    if (!user.roles.includes('admin') || user.sessionVersion === undefined) return user;
    let status;
    try {
      status = await this.statuses.statusOf(user.id);
    } catch {
      throw new ProblemException({
        status: 503,
        type: 'access-check-unavailable',
        detail: 'Admin rights cannot be confirmed right now; try again shortly.',
      });
    }
    if (!status || status.sessionVersion !== user.sessionVersion) {
      throw new ProblemException({
        status: 401,
        type: 'session-revoked',
        detail: 'This session was ended (logout everywhere or a new password); log in again.',
      });
    }
    return { ...user, roles: user.roles.filter((role) => status.roles.includes(role)) };
  }
}

function unauthorized(detail: string): ProblemException {
  return new ProblemException({ status: 401, type: 'unauthorized', detail });
}
