import { BadRequestException, NotFoundException } from '@nestjs/common';
import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';
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
});
