import type { IncomingMessage } from 'node:http';
import { v7 as uuidv7 } from 'uuid';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's `X-Request-Id` when it is sane, otherwise makes a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  const offered = Array.isArray(header) ? header[0] : header;
  return offered !== undefined && ACCEPTABLE_ID.test(offered) ? offered : uuidv7();
}
