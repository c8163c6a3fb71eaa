import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseOutage } from '../database';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { toProblem } from './to-problem';

/**
 * Answers every error with an RFC 9457 problem document; a 5xx is logged with its cause, except
 * a failing readiness check (that is its answer) and an unreachable database (logged once per
 * outage by {@link DatabaseOutage}; the caller gets 503 with Retry-After).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception, { url: request.url, requestId: String(request.id) });
    const databaseDown = DatabaseOutage.shared.failed(exception);
    const readiness = problem.status === 503 && request.url.startsWith('/health/');
    if (problem.status >= 500 && !databaseDown && !readiness) {
      this.logger.error({ err: exception, requestId: request.id }, `${request.method} ${request.url} failed`);
    }
    if (problem.status === 429 || problem.status === 503) {
      const retryAfter = databaseDown ? 5 : (exception as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
