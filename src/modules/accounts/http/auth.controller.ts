import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, AuthenticatedUser, CurrentUser } from '../../../platform/auth';
import { ApiProblem } from '../../../platform/http';
import { LogInUseCase } from '../application/log-in/log-in.use-case';
import { LogOutEverywhereUseCase } from '../application/log-out/log-out-everywhere.use-case';
import { LogOutUseCase } from '../application/log-out/log-out.use-case';
import { RequestPasswordResetUseCase } from '../application/password-reset/request-password-reset.use-case';
import { ResetPasswordUseCase } from '../application/password-reset/reset-password.use-case';
import { RefreshSessionUseCase } from '../application/refresh-session/refresh-session.use-case';
import { SignUpUseCase } from '../application/sign-up/sign-up.use-case';
import { SessionTokens } from '../application/views';
import {
  ForgotPasswordDto,
  LogInDto,
  LogOutDto,
  RefreshDto,
  ResetPasswordDto,
  SignUpDto,
  TokensResponse,
} from './auth.dto';
import { AcceptedResponse, SignUpResponse } from './accounts.response';

/** Sign-up, log-in, sessions and password resets (`/accounts`). */
@ApiTags('accounts')
@Controller('accounts')
export class AuthController {
  constructor(
    private readonly signUpUseCase: SignUpUseCase,
    private readonly logInUseCase: LogInUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly logOutUseCase: LogOutUseCase,
    private readonly logOutEverywhereUseCase: LogOutEverywhereUseCase,
    private readonly requestPasswordReset: RequestPasswordResetUseCase,
    private readonly resetPassword: ResetPasswordUseCase,
  ) {}

  @Post('signup')
  @ApiOperation({ summary: 'Create a customer account; limited per address and per email (429 with Retry-After)' })
  @ApiCreatedResponse({ type: SignUpResponse })
  @ApiProblem(409, 'email-taken', 'An account with this email exists')
  @ApiProblem(429, 'too-many-requests', 'Too many sign-ups from this address or for this email; see Retry-After')
  async signUp(
    @Body() body: SignUpDto,
    @Req() request: FastifyRequest,
  ): Promise<{ id: string; email: string; name: string }> {
    const user = await this.signUpUseCase.execute({
      email: body.email,
      password: body.password,
      name: body.name,
      clientAddress: request.ip,
    });
    return { id: user.id, email: user.email, name: user.name };
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; limited per account and per address (429 with Retry-After)' })
  @ApiOkResponse({ type: TokensResponse })
  @ApiProblem(401, 'invalid-credentials', 'The email or password is wrong')
  @ApiProblem(429, 'too-many-login-attempts', 'Too many attempts for this account or address; see Retry-After')
  logIn(@Body() body: LogInDto, @Req() request: FastifyRequest): Promise<SessionTokens> {
    return this.logInUseCase.execute({ email: body.email, password: body.password, clientAddress: request.ip });
  }

  @Post('token/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token; reusing a rotated one revokes its session' })
  @ApiOkResponse({ type: TokensResponse })
  @ApiProblem(401, 'invalid-refresh-token', 'The refresh token is unknown, expired, revoked or already used')
  refresh(@Body() body: RefreshDto): Promise<SessionTokens> {
    return this.refreshSession.execute({ refreshToken: body.refreshToken });
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Revoke this session (or every session of the caller)' })
  @ApiNoContentResponse({ description: 'Logged out' })
  async logOut(@Body() body: LogOutDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.logOutUseCase.execute({
      userId: user.id,
      refreshToken: body.refreshToken,
      everywhere: body.everywhere ?? false,
    });
  }

  @Post('logout-all')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    summary:
      'End every session of the caller: refresh tokens revoked, admin rights of access tokens gone within seconds',
  })
  @ApiNoContentResponse({ description: 'Every session ended' })
  async logOutEverywhere(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.logOutEverywhereUseCase.execute({ userId: user.id });
  }

  @Post('password/forgot')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Email a reset link (older links of the account stop working); the answer is the same whether or not the email is known',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiProblem(429, 'too-many-requests', 'Too many requests from this address or for this email; see Retry-After')
  async forgot(@Body() body: ForgotPasswordDto, @Req() request: FastifyRequest): Promise<{ status: 'accepted' }> {
    await this.requestPasswordReset.execute({ email: body.email, clientAddress: request.ip });
    return { status: 'accepted' };
  }

  @Post('password/reset')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a reset token; every session is revoked' })
  @ApiNoContentResponse({ description: 'The password is changed' })
  @ApiProblem(
    400,
    'validation',
    'The reset token is invalid, expired or used (errors names token), or the password is weak',
  )
  async reset(@Body() body: ResetPasswordDto): Promise<void> {
    await this.resetPassword.execute({ token: body.token, password: body.password });
  }
}
