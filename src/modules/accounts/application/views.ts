import { Role } from '../../../platform/auth';
import { AddressOrmEntity } from '../infrastructure/address.orm-entity';
import { UserOrmEntity } from '../infrastructure/user.orm-entity';

/** What the API shows of a user: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly createdAt: string;
}

export function toUserView(user: UserOrmEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    createdAt: user.createdAt.toISOString(),
  };
}

export interface AddressView {
  readonly id: string;
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

export function toAddressView(address: AddressOrmEntity): AddressView {
  return {
    id: address.id,
    name: address.name,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    postalCode: address.postalCode,
    country: address.country,
  };
}

export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Lifetime of the access token in seconds. */
  readonly expiresIn: number;
  readonly tokenType: 'Bearer';
}
