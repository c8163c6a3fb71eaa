import { DescribedByProblemData, PROBLEM_DATA, ProblemData } from '../../errors';
import { ModuleUnreachableError, RemoteHandlerError, RemoteProblemError } from '../messaging-errors';
import { errorOfReply, failureReply, RpcReply } from './nats-codec';

/** An error that carries its problem as data, as the HTTP layer's ProblemException does. */
class Refusal extends Error implements DescribedByProblemData {
  constructor(readonly problem: ProblemData) {
    super(problem.detail);
  }

  [PROBLEM_DATA](): ProblemData {
    return this.problem;
  }
}

/** What the caller gets for an error its remote handler threw: reply, JSON on the wire, error again. */
function acrossTheWire(error: unknown): Error {
  const reply = JSON.parse(JSON.stringify(failureReply(error))) as Exclude<RpcReply, { ok: true }>;
  return errorOfReply(reply, 'reviews', 'reviews.PostReview');
}

describe('failures over the wire', () => {
  it('carries a problem as the same data', () => {
    const error = acrossTheWire(
      new Refusal({ status: 409, type: 'already-posted', detail: 'Posted already.', extensions: { id: 'r1' } }),
    );
    expect(error).toBeInstanceOf(RemoteProblemError);
    expect((error as RemoteProblemError).problem).toEqual({
      status: 409,
      type: 'already-posted',
      detail: 'Posted already.',
      extensions: { id: 'r1' },
    });
    // A problem that crossed once crosses again unchanged (a handler that did not catch it).
    expect((acrossTheWire(error) as RemoteProblemError).problem).toEqual((error as RemoteProblemError).problem);
  });

  it('carries a module the handler could not reach as that same error', () => {
    const error = acrossTheWire(new ModuleUnreachableError('ratings', 'ratings.Rate', 'no running process hosts it'));
    expect(error).toBeInstanceOf(ModuleUnreachableError);
    expect(error).toMatchObject({ module: 'ratings', messageType: 'ratings.Rate' });
  });

  it('carries anything else as its kind only, never its cause', () => {
    const bug = acrossTheWire(new Error('relation "secret" does not exist'));
    expect(bug).toBeInstanceOf(RemoteHandlerError);
    expect(bug).toMatchObject({ module: 'reviews', failure: 'unexpected' });
    expect(bug.message).not.toContain('secret');
    const outage = acrossTheWire(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(outage).toMatchObject({ failure: 'database-unavailable' });
  });
});
