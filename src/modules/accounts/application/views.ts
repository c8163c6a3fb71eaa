import { Role } from '../../../platform/auth';
import { Address } from '../domain/address';
import { AccountRole, User } from '../domain/user';

/** The domain's roles are the platform's: a compile error here when the two sets drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ROLES_MATCH: Same<AccountRole, Role> = true;
void ROLES_MATCH;

/** What the API shows of a user: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly createdAt: string;
}

/** The user as the API shows it. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    createdAt: user.createdAt.toISOString(),
  };
}

/** One address of an address book, as the API shows it. */
export interface AddressView {
  readonly id: string;
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

/** The address as the API shows it (without its owner). */
export function toAddressView(address: Address): AddressView {
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

/** What a login or refresh answers. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Lifetime of the access token in seconds. */
  readonly expiresIn: number;
  readonly tokenType: 'Bearer';
}
