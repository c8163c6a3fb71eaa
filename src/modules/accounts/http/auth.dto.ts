import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Omittable } from '../../../platform/http';

// The policy (8–128 characters, not common) is checked by the domain; this only bounds the input.
const PASSWORD_INPUT_MAX = 1024;
const TOKEN_MAX = 256;

const PASSWORD_EXAMPLE = 'Quiet-Lantern-42-Orbit';
const TOKEN_EXAMPLE = 'Xq3v9kLmN2pR7sT0uW4yZ6aB8cD1eF5gH';

/** `POST /accounts/signup`: a new customer account. */
export class SignUpDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @MaxLength(254)
  readonly email: string;

  @ApiProperty({ minLength: 8, maxLength: 128, example: PASSWORD_EXAMPLE })
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  readonly password: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  readonly name: string;
}

/** `POST /accounts/login`: the credentials. */
export class LogInDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  readonly email: string;

  @ApiProperty({ example: PASSWORD_EXAMPLE })
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  readonly password: string;
}

/** `POST /accounts/token/refresh`: the refresh token to rotate. */
export class RefreshDto {
  @ApiProperty({ example: TOKEN_EXAMPLE, description: 'The refreshToken of the last login or refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TOKEN_MAX)
  readonly refreshToken: string;
}

/** `POST /accounts/logout`: the session to end (or every session). */
export class LogOutDto extends RefreshDto {
  @ApiPropertyOptional({ example: false, description: "Revoke all of the caller's sessions, not only this one." })
  @Omittable()
  @IsBoolean()
  readonly everywhere?: boolean;
}

/** `POST /accounts/password/forgot`: where the reset link goes. */
export class ForgotPasswordDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @MaxLength(254)
  readonly email: string;
}

/** `POST /accounts/password/reset`: the token of the link and the new password. */
export class ResetPasswordDto {
  @ApiProperty({ example: TOKEN_EXAMPLE, description: 'The token of the emailed reset link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TOKEN_MAX)
  readonly token: string;

  @ApiProperty({ minLength: 8, maxLength: 128, example: PASSWORD_EXAMPLE })
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  readonly password: string;
}

/** The tokens of a session (login and refresh). */
export class TokensResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMTkwIn0.c2lnbmF0dXJl' }) readonly accessToken: string;
  @ApiProperty({ example: TOKEN_EXAMPLE }) readonly refreshToken: string;
  @ApiProperty({ example: 900, description: 'Access token lifetime in seconds' }) readonly expiresIn: number;
  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' }) readonly tokenType: 'Bearer';
}
