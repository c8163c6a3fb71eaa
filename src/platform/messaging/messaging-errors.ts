import { DescribedByProblemData, PROBLEM_DATA, ProblemData } from '../errors';

/**
 * The failures messaging itself raises. They are plain errors: the HTTP edge maps each to its
 * problem+json answer (platform/http/to-problem.ts), and the NATS transport carries each across a
 * process boundary as what it is, so a caller sees the same error in-process and over the broker.
 */
export abstract class MessagingError extends Error {}

/**
 * A command or query for a module that neither this process nor any reachable one hosts: not in
 * `MODULES` and no broker, no process answering on the broker, or the broker is down. Callers that
 * can go on without the owner catch it (the HTTP edge answers 503 `module-unavailable`).
 */
export class ModuleUnreachableError extends MessagingError {
  override name = 'ModuleUnreachableError';

  constructor(
    readonly module: string,
    readonly messageType: string,
    readonly reason: string,
  ) {
    super(`The ${module} module, which handles ${messageType}, is not reachable: ${reason}.`);
  }
}

/** The owner of a command or query did not answer within `MESSAGE_TIMEOUT_MS` (an unreachable module too). */
export class MessageTimeoutError extends ModuleUnreachableError {
  override name = 'MessageTimeoutError';

  constructor(module: string, messageType: string, timeoutMs: number) {
    super(module, messageType, `it did not answer within ${timeoutMs} ms`);
  }
}

/**
 * The owning module refused a command or query with a problem (e.g. 409 `out-of-stock`). The
 * problem crossed the module boundary as data, exactly as it would over a network; the HTTP edge
 * answers with it unchanged.
 */
export class RemoteProblemError extends MessagingError implements DescribedByProblemData {
  override name = 'RemoteProblemError';

  constructor(readonly problem: ProblemData) {
    super(problem.detail);
  }

  [PROBLEM_DATA](): ProblemData {
    return this.problem;
  }
}

/** Why a remote owner failed without a problem to show; the cause itself stays in its own log. */
export type RemoteHandlerFailure =
  /** A bug or any error that is not a problem (the HTTP edge answers 500). */
  | 'unexpected'
  /** Its database could not be reached (the HTTP edge answers 503). */
  | 'database-unavailable'
  /** The message reached a process that does not handle it as a request of that module. */
  | 'bad-message';

/** The owning module, in another process, failed to handle a command or query. */
export class RemoteHandlerError extends MessagingError {
  override name = 'RemoteHandlerError';

  constructor(
    readonly module: string,
    readonly messageType: string,
    readonly failure: RemoteHandlerFailure,
  ) {
    super(`The ${module} module failed to handle ${messageType} (${failure}); its log has the cause.`);
  }
}

/** An `Idempotency-Key` already used with a different request (the HTTP edge answers 422). */
export class IdempotencyKeyReusedError extends MessagingError {
  override name = 'IdempotencyKeyReusedError';

  constructor() {
    super('This Idempotency-Key was already used with a different request body.');
  }
}

/** A request with the same `Idempotency-Key` is still being processed (the HTTP edge answers 409). */
export class IdempotencyKeyInUseError extends MessagingError {
  override name = 'IdempotencyKeyInUseError';

  constructor() {
    super('A request with this Idempotency-Key is still being processed.');
  }
}

/** Replaying a dead letter failed again (the admin endpoint answers 409 `replay-failed`). */
export class ReplayFailedError extends MessagingError {
  override name = 'ReplayFailedError';

  constructor(
    readonly id: string,
    readonly module: string,
    cause: string,
  ) {
    super(`Replaying ${id} to ${module} failed again: ${cause}`);
  }
}

/**
 * A dead letter was not found in the modules whose database answered, and the database of `module`
 * did not answer: it may be there (the admin endpoint answers 503 `dead-letters-unreachable`).
 */
export class DeadLettersUnreachableError extends MessagingError {
  override name = 'DeadLettersUnreachableError';

  constructor(
    readonly id: string,
    readonly module: string,
    cause: string,
  ) {
    super(`Dead letter ${id} is in no module whose database answered; the database of ${module} did not: ${cause}`);
  }
}
