import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';

/**
 * Bounds on the shape of what a client sends, checked before anything transforms it. The deepest
 * legitimate body of any route today is 4 levels deep and its longest list holds 100 items, so
 * these leave ample room while keeping class-transformer's recursion and
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
 * stack, and it stops at the first problem. Field names read like class-validator's
 * (`items.0.price.amount`), under `root` when given; a problem with the value as a whole is
 * named `whole` (`body`, `query`, `path`).
 */
export function findUnsafeInput(
  value: unknown,
  root = '',
  limits: InputLimits = INPUT_LIMITS,
  whole = 'body',
): FieldError | undefined {
  // Field names are built only for the problem found: a node knows its parent and its key.
  const stack: Node[] = [{ value, parent: undefined, key: root, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const current = node.value;
    if (typeof current === 'string') {
      const problem = stringProblem(current);
      if (problem) return fieldError(node, whole, problem);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (node.depth >= limits.maxDepth)
      return fieldError(node, whole, `is nested more than ${limits.maxDepth} levels deep`);
    const depth = node.depth + 1;
    if (Array.isArray(current)) {
      if (current.length > limits.maxItems)
        return fieldError(node, whole, `must not have more than ${limits.maxItems} items`);
      for (let i = 0; i < current.length; i += 1) stack.push({ value: current[i], parent: node, key: i, depth });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > limits.maxItems)
      return fieldError(node, whole, `must not have more than ${limits.maxItems} fields`);
    for (const key of keys) {
      const problem = stringProblem(key);
      if (problem) return fieldError({ value: undefined, parent: node, key, depth }, whole, problem, 'the field name');
      stack.push({ value: (current as Record<string, unknown>)[key], parent: node, key, depth });
    }
  }
  return undefined;
}

interface Node {
  readonly value: unknown;
  readonly parent: Node | undefined;
  readonly key: string | number;
  readonly depth: number;
}

function fieldError(node: Node, whole: string, problem: string, subject?: string): FieldError {
  const path: (string | number)[] = [];
  for (let at: Node | undefined = node; at !== undefined; at = at.parent) if (at.key !== '') path.unshift(at.key);
  const field = path.length === 0 ? whole : path.join('.');
  const what = subject ? `${subject} ${JSON.stringify(String(node.key))}` : field;
  return new FieldError(field, `${what} ${problem}`);
}

/** In a `u` regex a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it has a lone surrogate)';
  return undefined;
}

/**
 * Whether JSON text nests arrays and objects more than `maxDepth` deep, found by one pass over the
 * characters (brackets inside strings do not count) before it is parsed: JSON.parse itself takes
 * about half a second for the 500,000 levels a 1 MB body can hold.
 */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = endOfString(text, i);
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/** The index of the quote that closes the string opened at `start` (or the end of the text). */
function endOfString(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
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
      findUnsafeInput(request.params, '', limits, 'path') ??
      findUnsafeInput(request.query, '', limits, 'query') ??
      findUnsafeInput(request.body, '', limits, 'body');
    if (!problem) return done();
    done(ProblemException.validation([problem], 'The request contains a value that no route accepts.'));
  });
}
