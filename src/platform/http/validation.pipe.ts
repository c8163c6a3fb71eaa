import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';

/** Flattens class-validator's nested errors into `field.path: message` pairs. */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => new FieldError(field, message));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
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
    stopAtFirstError: false,
    exceptionFactory: (errors) => ProblemException.validation(fieldErrors(errors)),
  });
}
