export type Role = 'customer' | 'admin';

/** Who is calling, as proven by a verified access token. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly roles: readonly Role[];
  /**
   * The session version the token was issued under (claim `sv`). Tokens of a login session carry
   * it; the guard compares it with the current one before honouring the admin role. Absent only on
   * tokens minted directly by code that holds the signing key (tests, tools).
   */
  readonly sessionVersion?: number;
}
