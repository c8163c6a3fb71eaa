import { FieldError } from './shipping-domain-error';
import { countryProblem } from './iso-codes';

/**
 * A shipping zone: a named set of destination countries (ISO 3166-1 alpha-2, upper case). Zones may
 * overlap (an "EU" zone and a "Germany express" zone both holding DE): a destination is offered the
 * methods of every zone that contains it.
 */
export interface Zone {
  readonly id: string;
  readonly name: string;
  readonly countries: readonly string[];
}

/** True when the zone contains `country` (exact, upper-case match). */
export function zoneServes(zone: Zone, country: string): boolean {
  return zone.countries.includes(country);
}

/**
 * Checks a zone definition. Returns every problem as a field error (empty when valid): a blank name,
 * no countries, a code that is not an ISO 3166-1 country (`countries[2]`, naming `GB` for `UK`), a country
 * listed twice (the second occurrence is the error).
 */
export function validateZone(zone: Pick<Zone, 'name' | 'countries'>): FieldError[] {
  const errors: FieldError[] = [];
  if (!zone.name.trim()) errors.push({ field: 'name', message: 'a zone needs a name' });
  if (zone.countries.length === 0) errors.push({ field: 'countries', message: 'a zone needs at least one country' });
  const seen = new Set<string>();
  zone.countries.forEach((country, i) => {
    const problem = countryProblem(country);
    if (problem) errors.push({ field: `countries[${i}]`, message: problem });
    else if (seen.has(country)) errors.push({ field: `countries[${i}]`, message: `${country} is listed twice` });
    seen.add(country);
  });
  return errors;
}
