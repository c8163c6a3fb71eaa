import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * The body field may be left out. Unlike class-validator's `@IsOptional()`, `null` does not count
 * as left out: it is validated like any other value, so `{"name": null}` is a 400 instead of a
 * NOT NULL violation (a 500) further down. Keep `@IsOptional()` only where `null` means something
 * (e.g. an address `line2` that `null` clears) and say so in the field's OpenAPI description.
 */
export function Omittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}
