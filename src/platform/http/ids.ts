import { Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { isUuid } from '../ids';
import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';

/**
 * Checks one id path parameter: a malformed id never reaches PostgreSQL, it is a 400 validation
 * problem naming the parameter (`errors: [{ field: 'id', message: 'id must be a UUID' }]`), the
 * same on every route. The id comes out lower-cased, the form PostgreSQL prints.
 */
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw ProblemException.validation([new FieldError(this.name, `${this.name} must be a UUID`)]);
    return value.toLowerCase();
  }
}

/**
 * `@IdParam()` (or `@IdParam('itemId')`): the route's UUID path parameter, checked by
 * {@link ParseIdPipe} and documented as `format: uuid`. Put it on the handler's parameter.
 */
export function IdParam(name = 'id'): ParameterDecorator {
  const param = Param(name, new ParseIdPipe(name));
  return (target, key, index) => {
    param(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
      ApiParam({ name, type: String, format: 'uuid' })(target, key, descriptor);
    }
  };
}
