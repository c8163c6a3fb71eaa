export type Role = 'customer' | 'admin';

/** Who is calling, as proven by a verified access token. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly roles: readonly Role[];
}
