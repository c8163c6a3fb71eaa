import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';

/**
 * Bounds on the shape of what a client sends, checked before anything transforms it. The deepest
 * legitimate body (a product edit's variant price) is 4 levels deep and the longest list holds 100
 * variants, so these leave ample room while keeping class-transformer's recursion and
 * class-validator's per-item work small.
 */
export const INPUT_LIMITS = {
  /** Objects and arrays nested deeper than this are refused. */
  maxDepth: 32,
  /** Items of one array, and fields of one object, beyond this are refused. */
  maxItems: 1000,
} as const;

export type InputLimits = { readonly [K in keyof typeof INPUT_LIMITS]: number };

/**
 * The first thing in `value` that no route accepts, as a field error (undefined when it is sound):
 * a string (value or key) with a NUL character (PostgreSQL text cannot hold one) or with invalid
 * Unicode (a lone surrogate, which has no UTF-8 form), nesting deeper than `maxDepth`, or an array
 * or object larger than `maxItems`. The walk uses its own stack, so no input can exhaust the call
 * stack, and it stops at the first problem. Field names read like class-validator's:
 * `variants.0.price.amount`.
 */
export function findUnsafeInput(value: unknown, root = '', limits: InputLimits = INPUT_LIMITS): FieldError | undefined {
  const stack: { value: unknown; field: string; depth: number }[] = [{ value, field: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, field, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = stringProblem(current);
      if (problem) return new FieldError(nameOf(field), `${nameOf(field)} ${problem}`);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limits.maxDepth) {
      return new FieldError(nameOf(field), `${nameOf(field)} is nested more than ${limits.maxDepth} levels deep`);
    }
    const items = Array.isArray(current) ? (current as unknown[]) : undefined;
    const keys = items ? [] : Object.keys(current);
    const size = items ? items.length : keys.length;
    if (size > limits.maxItems) {
      const what = items ? 'items' : 'fields';
      return new FieldError(nameOf(field), `${nameOf(field)} must not have more than ${limits.maxItems} ${what}`);
    }
    const child = (key: string) => (field ? `${field}.${key}` : key);
    if (items) {
      items.forEach((item, index) => stack.push({ value: item, field: child(String(index)), depth: depth + 1 }));
      continue;
    }
    for (const key of keys) {
      const problem = stringProblem(key);
      if (problem) return new FieldError(nameOf(child(key)), `the field name ${JSON.stringify(key)} ${problem}`);
      stack.push({ value: (current as Record<string, unknown>)[key], field: child(key), depth: depth + 1 });
    }
  }
  return undefined;
}

/** In a `u` regex a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it has a lone surrogate)';
  return undefined;
}

function nameOf(field: string): string {
  return field === '' ? 'body' : field;
}

/**
 * Whether JSON text nests arrays and objects more than `maxDepth` deep, found by one pass over the
 * characters (brackets inside strings do not count) before it is parsed: JSON.parse itself takes
 * about half a second for the 500,000 levels a 1 MB body can hold.
 */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Parses JSON bodies as Fastify does (prototype poisoning refused), after refusing nesting deeper
 * than `maxDepth` without parsing it. Keeps the raw bytes on `request.rawBody` (webhook signatures).
 */
export function registerJsonParser(
  app: NestFastifyApplication,
  bodyLimit: number,
  limits: InputLimits = INPUT_LIMITS,
): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonNestsDeeperThan(text, limits.maxDepth)) {
      const field = new FieldError('body', `body is nested more than ${limits.maxDepth} levels deep`);
      done(ProblemException.validation([field], 'The request contains a value that no route accepts.'), undefined);
      return;
    }
    parse(request as FastifyRequest, text, done);
  });
}

/**
 * Refuses unsafe path parameters, query parameters and JSON bodies (see {@link findUnsafeInput})
 * with a 400 validation problem naming the field, once for every route, after parsing and before
 * any pipe, transformer or handler sees them.
 */
export function registerInputGuard(fastify: FastifyInstance, limits: InputLimits = INPUT_LIMITS): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problem =
      findUnsafeInput(request.params, '', limits) ??
      findUnsafeInput(request.query, '', limits) ??
      findUnsafeInput(request.body, '', limits);
    if (!problem) return done();
    done(ProblemException.validation([problem], 'The request contains a value that no route accepts.'));
  });
}
