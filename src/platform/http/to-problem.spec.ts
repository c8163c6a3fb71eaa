import { BadRequestException, NotFoundException } from '@nestjs/common';
import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';
import {
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  MessageTimeoutError,
  ModuleUnreachableError,
  RemoteHandlerError,
  RemoteProblemError,
} from '../messaging/messaging-errors';
import { toProblem } from './to-problem';

describe('toProblem', () => {
  const where = { url: '/carts/1?x=1', requestId: 'req-1' };

  it('keeps a ProblemException as it was thrown, with its extensions', () => {
    const problem = toProblem(ProblemException.conflict('out-of-stock', 'Only 2 left.', { available: 2 }), where);
    expect(problem).toMatchObject({
      type: '/problems/out-of-stock',
      title: 'Conflict',
      status: 409,
      detail: 'Only 2 left.',
      available: 2,
      instance: '/carts/1',
      requestId: 'req-1',
    });
  });

  it('lists each field of a validation problem', () => {
    const problem = toProblem(ProblemException.validation([new FieldError('quantity', 'must be an integer')]), where);
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ field: 'quantity', message: 'must be an integer' }]);
  });

  it('maps Nest HTTP exceptions and Fastify errors by status', () => {
    expect(toProblem(new NotFoundException('No such cart'), where)).toMatchObject({
      status: 404,
      detail: 'No such cart',
    });
    expect(toProblem(new BadRequestException(), where).status).toBe(400);
    const tooLarge = Object.assign(new Error('too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toProblem(tooLarge, where)).toMatchObject({ status: 413, type: '/problems/payload-too-large' });
  });

  it('hides the cause of an unexpected error', () => {
    const problem = toProblem(new Error('relation "secret_table" does not exist'), where);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret_table');
  });

  it("maps messaging's own errors: unreachable 503, a remote problem as it is, a remote failure as 500 or 503", () => {
    expect(
      toProblem(new ModuleUnreachableError('ratings', 'ratings.Rate', 'no running process hosts it'), where),
    ).toMatchObject({
      type: '/problems/module-unavailable',
      title: 'Module unavailable',
      status: 503,
      detail: 'The ratings module, which handles ratings.Rate, is not reachable: no running process hosts it.',
      module: 'ratings',
    });
    expect(toProblem(new MessageTimeoutError('ratings', 'ratings.Rate', 5000), where)).toMatchObject({ status: 503 });
    expect(
      toProblem(
        new RemoteProblemError({ status: 409, type: 'already-posted', detail: 'Posted.', extensions: { n: 1 } }),
        where,
      ),
    ).toMatchObject({ type: '/problems/already-posted', title: 'Conflict', status: 409, detail: 'Posted.', n: 1 });
    expect(toProblem(new RemoteHandlerError('ratings', 'ratings.Rate', 'unexpected'), where)).toMatchObject({
      status: 500,
      type: '/problems/internal',
    });
    expect(toProblem(new RemoteHandlerError('ratings', 'ratings.Rate', 'database-unavailable'), where)).toMatchObject({
      status: 503,
      detail: 'The database is unavailable; try again shortly.',
    });
  });

  it('maps the idempotency refusals of the storage helpers', () => {
    expect(toProblem(new IdempotencyKeyReusedError(), where)).toMatchObject({
      status: 422,
      type: '/problems/idempotency-key-reused',
    });
    expect(toProblem(new IdempotencyKeyInUseError(), where)).toMatchObject({
      status: 409,
      type: '/problems/idempotency-key-in-use',
    });
  });
});
