import { FieldError, ProblemException } from '../../../platform/http';
import { countryTaxRulesErrors, CountryTaxRules } from '../domain/tax-rules';

/** Throws a 400 validation problem naming every field of `rules` the tax rules refuse. */
export function assertValidRules(rules: CountryTaxRules): void {
  const errors = countryTaxRulesErrors(rules);
  if (errors.length > 0) {
    throw ProblemException.validation(
      errors.map((e) => new FieldError(e.field, e.message)),
      'The tax rules are invalid.',
    );
  }
}

/**
 * The canonical form of a country in a path: upper case (`de` finds DE). Anything that cannot be a
 * country code has no rules: a 404 before any query.
 */
export function countryKey(raw: string): string {
  const country = raw.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw noRulesFor(raw.slice(0, 10));
  return country;
}

/** 404 for a country without rules. */
export function noRulesFor(country: string): ProblemException {
  return ProblemException.notFound(`Tax rules for ${country}`);
}
