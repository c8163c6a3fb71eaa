import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { FieldError, problemType } from './problem-details';

export interface ProblemInit {
  readonly status: number;
  /** Short, stable slug of the problem type, e.g. `quota-exceeded`. */
  readonly type: string;
  readonly detail: string;
  readonly title?: string;
  readonly errors?: readonly FieldError[];
  /** Extension members, e.g. `{ available: 3 }`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** Throw this from any layer to answer with a specific problem+json document. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail, problem.status);
  }

  get problemType(): string {
    return problemType(this.problem.type);
  }

  get title(): string {
    return this.problem.title ?? STATUS_CODES[this.problem.status] ?? 'Error';
  }

  static validation(errors: readonly FieldError[], detail = 'The request is invalid.'): ProblemException {
    return new ProblemException({ status: 400, type: 'validation', title: 'Validation failed', detail, errors });
  }

  static notFound(what: string): ProblemException {
    return new ProblemException({ status: 404, type: 'not-found', detail: `${what} was not found.` });
  }

  static conflict(type: string, detail: string, extensions?: Record<string, unknown>): ProblemException {
    return new ProblemException({ status: 409, type, detail, extensions });
  }
}
