/** How many addresses one address book holds at most. */
export const MAX_ADDRESSES = 50;

/** The fields of an address, as the owner gives them. */
export interface AddressFields {
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

/** One address of a user's address book. */
export interface Address extends AddressFields {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
}

/**
 * The address with the given fields changed: only those present (not undefined) change; a new
 * country is stored upper case. `line2: null` clears the second line.
 */
export function withChanges(address: Address, changes: Partial<AddressFields>): Address {
  const given = <K extends keyof AddressFields>(key: K): AddressFields[K] => changes[key] ?? address[key];
  return {
    ...address,
    name: given('name'),
    line1: given('line1'),
    line2: changes.line2 === undefined ? address.line2 : changes.line2,
    city: given('city'),
    postalCode: given('postalCode'),
    country: changes.country === undefined ? address.country : changes.country.toUpperCase(),
  };
}
