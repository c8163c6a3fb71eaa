import { HttpException } from '@nestjs/common';
import { DescribedByProblemData, PROBLEM_DATA, ProblemData } from '../errors';
import { FieldError } from './problem-details';

export interface ProblemInit extends ProblemData {
  readonly errors?: readonly FieldError[];
}

/**
 * Throw this from any layer to answer with a specific problem+json document. Thrown by a command
 * or query handler, its problem crosses the module boundary as data (the caller gets a
 * RemoteProblemError carrying it).
 */
export class ProblemException extends HttpException implements DescribedByProblemData {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail, problem.status);
  }

  [PROBLEM_DATA](): ProblemData {
    return this.problem;
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
