import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';

/**
 * Flattens class-validator's nested errors into `field.path: message` pairs. A field that is null or
 * missing is said to be so: with one message per field, the constraint that failed first on it (the
 * last decorator written, say `@MaxLength`) would otherwise describe a value that was never sent.
 */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    const absent = absence(error);
    const own = (absent && messages.length > 0 ? [absent] : messages).map((message) => new FieldError(field, message));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

function absence(error: ValidationError): string | undefined {
  if (error.value === null) return `${error.property} must not be null`;
  if (error.value === undefined) return `${error.property} is required`;
  return undefined;
}

/** A validation problem lists at most this many fields, so its size does not grow with the input. */
export const MAX_REPORTED_ERRORS = 50;

/** The validation problem for these field errors, cut to the first {@link MAX_REPORTED_ERRORS}. */
export function validationProblem(errors: readonly FieldError[]): ProblemException {
  if (errors.length <= MAX_REPORTED_ERRORS) return ProblemException.validation(errors);
  return ProblemException.validation(
    errors.slice(0, MAX_REPORTED_ERRORS),
    `The request is invalid; the first ${MAX_REPORTED_ERRORS} of ${errors.length} problems are listed.`,
  );
}

/**
 * Whitelists and transforms every DTO; an unknown field is an error (no mass assignment), and
 * implicit conversion is off so `"1"` is not silently taken for `1`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // One message per field, and a list past its ArrayMaxSize is not validated item by item.
    stopAtFirstError: true,
    exceptionFactory: (errors) => validationProblem(fieldErrors(errors)),
  });
}
