import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../http/problem.exception';
import { AccessTokens } from './access-tokens';
import { AUTH_REQUIREMENT, AuthRequirement, OWN_CREDENTIALS } from './auth.decorators';
import { AuthenticatedUser } from './authenticated-user';

/**
 * Runs on every route. A bearer token, when sent, must be valid (else 401) and becomes the
 * request's user; routes marked `@Authenticated()` or `@Roles()` also require one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
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
      request.user = user;
    }
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, targets);
    if (!requirement) return true;
    if (!request.user) throw unauthorized('This route needs an access token (Authorization: Bearer …).');
    if (requirement.roles.length > 0 && !requirement.roles.some((role) => request.user!.roles.includes(role))) {
      throw new ProblemException({ status: 403, type: 'forbidden', detail: 'Your role does not allow this.' });
    }
    return true;
  }
}

function unauthorized(detail: string): ProblemException {
  return new ProblemException({ status: 401, type: 'unauthorized', detail });
}
