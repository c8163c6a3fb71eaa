import { ProblemException } from '../http/problem.exception';

/** 429 with `Retry-After` (the platform's problem filter writes the header from `retryAfterSeconds`). */
export class TooManyRequests extends ProblemException {
  constructor(
    readonly retryAfterSeconds: number,
    type = 'too-many-requests',
    detail = `Too many requests; try again in ${retryAfterSeconds} s.`,
  ) {
    super({ status: 429, type, detail });
  }
}
