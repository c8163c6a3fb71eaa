import {
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  ModuleUnreachableError,
} from '../messaging/messaging-errors';
import { ProblemInit } from './problem.exception';

/**
 * The problem+json answer to an error messaging raised (platform/messaging/messaging-errors.ts):
 * messaging knows no HTTP, the edge maps its errors here. A RemoteProblemError needs no entry (it
 * carries its problem as data), nor does a RemoteHandlerError (toProblem answers 500, or 503 for a
 * database outage, like any unexpected error). Undefined for any other error.
 */
export function messagingProblem(error: unknown): ProblemInit | undefined {
  if (error instanceof ModuleUnreachableError) {
    return {
      status: 503,
      type: 'module-unavailable',
      title: 'Module unavailable',
      detail: error.message,
      extensions: { module: error.module },
    };
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return { status: 422, type: 'idempotency-key-reused', detail: error.message };
  }
  if (error instanceof IdempotencyKeyInUseError) {
    return { status: 409, type: 'idempotency-key-in-use', detail: error.message };
  }
  return undefined;
}
