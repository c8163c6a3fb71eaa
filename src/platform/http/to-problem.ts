import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { isConnectionFailure } from '../database';
import { problemDataOf, ProblemData } from '../errors';
import { RemoteHandlerError } from '../messaging/messaging-errors';
import { activeTraceId } from '../observability/tracing';
import { messagingProblem } from './messaging-problems';
import { ProblemDetails, problemType } from './problem-details';

const SLUG_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  429: 'too-many-requests',
  500: 'internal',
  503: 'service-unavailable',
};

interface Where {
  readonly url?: string;
  readonly requestId?: string;
}

/**
 * Turns anything thrown while serving a request into the problem document to answer with: a
 * problem carried as data (a ProblemException, or a RemoteProblemError from another module) as it
 * is, messaging's own errors as {@link messagingProblem} maps them, anything else by its status
 * (a generic 500 that hides the cause of an unexpected error).
 */
export function toProblem(exception: unknown, where: Where): ProblemDetails {
  // With tracing on, the trace of the request: a customer's error report leads to it (ADR 0119).
  const traceId = activeTraceId();
  const base = { instance: where.url?.split('?')[0], requestId: where.requestId, ...(traceId ? { traceId } : {}) };
  const problem = problemDataOf(exception) ?? messagingProblem(exception);
  if (problem) return fromData(problem, base);
  if (
    isConnectionFailure(exception) ||
    (exception instanceof RemoteHandlerError && exception.failure === 'database-unavailable')
  ) {
    return generic(503, 'The database is unavailable; try again shortly.', base);
  }
  const status = statusOf(exception);
  if (status >= 500) {
    return generic(
      status,
      status === 503 ? 'The service is unavailable, try again later.' : 'An unexpected error occurred.',
      base,
    );
  }
  return generic(status, detailOf(exception, status), base);
}

function fromData(problem: ProblemData, base: Where & { instance?: string; traceId?: string }): ProblemDetails {
  return new ProblemDetails({
    ...problem.extensions,
    type: problemType(problem.type),
    title: problem.title ?? STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    ...base,
    ...(problem.errors ? { errors: problem.errors } : {}),
  });
}

function generic(
  status: number,
  detail: string,
  base: Where & { instance?: string; traceId?: string },
): ProblemDetails {
  return new ProblemDetails({
    type: problemType(SLUG_BY_STATUS[status] ?? `http-${status}`),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...base,
  });
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  // Errors raised by Fastify itself (body parsing, size limit, content type) carry a 4xx statusCode.
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600) return statusCode;
  return 500;
}

function detailOf(exception: unknown, status: number): string {
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string' && message.length > 0) return message;
  }
  const code = (exception as { code?: unknown } | null)?.code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'The request body is larger than the server accepts.';
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return 'The request content type is not supported; send application/json.';
  if (code === 'FST_ERR_BAD_URL') return 'The URL is not valid: a part of it is not percent-encoded UTF-8.';
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return 'A part of the URL path is longer than the server accepts.';
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'The request body is empty but its content type says JSON.';
  if (exception instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return 'The request body is not valid JSON.';
  const message = (exception as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.length > 0 ? message : (STATUS_CODES[status] ?? 'Error');
}
