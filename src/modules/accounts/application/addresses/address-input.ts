/** The fields of an address as the API takes them. */
export interface AddressInput {
  readonly name: string;
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}
