import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../platform/http';
import { Role } from '../../../platform/auth';
import type { AddressView, UserView } from '../application/views';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** A new account: its id, email and name. */
export class SignUpResponse {
  @ApiProperty({ format: 'uuid', example: ID }) readonly id: string;
  @ApiProperty({ example: 'ada@example.com' }) readonly email: string;
  @ApiProperty({ example: 'Ada Lovelace' }) readonly name: string;
}

/** A user as the API shows it (never the password hash). */
export class UserResponse extends SignUpResponse implements UserView {
  @ApiProperty({ enum: ['customer', 'admin'], isArray: true, example: ['customer'] }) readonly roles: Role[];
  @ApiProperty({ format: 'date-time', example: '2026-01-02T03:04:05.678Z' }) readonly createdAt: string;
}

/** A page of users (`GET /accounts/users`). */
export const UserPage = PageOf(UserResponse);

/** One address of an address book. */
export class AddressResponse implements AddressView {
  @ApiProperty({ format: 'uuid', example: ID }) readonly id: string;
  @ApiProperty({ example: 'Ada Lovelace' }) readonly name: string;
  @ApiProperty({ example: '12 St James Square' }) readonly line1: string;
  @ApiProperty({ type: String, nullable: true, example: null }) readonly line2: string | null;
  @ApiProperty({ example: 'London' }) readonly city: string;
  @ApiProperty({ example: 'SW1Y 4JH' }) readonly postalCode: string;
  @ApiProperty({ example: 'GB' }) readonly country: string;
}

/** The whole address book (`nextCursor` is always null). */
export const AddressPage = PageOf(AddressResponse);

/** The answer to a request whose work happens later. */
export class AcceptedResponse {
  @ApiProperty({ enum: ['accepted'], example: 'accepted' }) readonly status: 'accepted';
}
