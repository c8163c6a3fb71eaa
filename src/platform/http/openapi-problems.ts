import { ApiExtension } from '@nestjs/swagger';
import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';

/** Schemas every document carries: the body of every error response. */
export const PROBLEM_MODELS = [ProblemDetails, FieldError];

const PROBLEM_KEY = 'x-problem-';
const ROLES_KEY = 'x-roles';

interface Problem {
  readonly status: number;
  /** The slug of the problem `type` (`/problems/<slug>`). */
  readonly type: string;
  readonly description: string;
}

/**
 * Documents a problem a route answers with beyond those every route of its shape can answer
 * (which {@link documentProblems} adds by itself): `@ApiProblem(409, 'email-taken', 'The email is taken')`.
 * It does not replace the route's documented success response, unlike `@ApiResponse`.
 */
export function ApiProblem(status: number, type: string, description: string): MethodDecorator & ClassDecorator {
  return ApiExtension(`${PROBLEM_KEY}${status}-${type}`, { status, type, description } satisfies Problem);
}

/** Marks the roles a route needs, so the document says which callers get a 403 (used by `@Roles`). */
export function ApiRoles(roles: readonly string[]): MethodDecorator & ClassDecorator {
  return ApiExtension(ROLES_KEY, [...roles]);
}

type Operation = OpenAPIObject['paths'][string]['get'] & Record<string, unknown>;
type ParameterLike = { in?: string; name?: string };

/**
 * Completes every operation's error responses, the same way for every route: the problems its
 * shape allows (a path id → 400/404/414, a query → 400, a body → 400/413/415, an Idempotency-Key
 * → 400/422, a bearer token → 401, a role → 403), plus those declared with {@link ApiProblem}.
 * Each is `application/problem+json` with the shared ProblemDetails schema and one example per
 * problem type. Mutates and returns the document.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const problems = [...problemsOfShape(operation), ...declaredProblems(operation)];
      const example = operation.requestBody ? EXAMPLE_BODY_ERROR : EXAMPLE_PARAMETER_ERROR;
      for (const status of [...new Set(problems.map((p) => p.status))].sort()) {
        operation.responses[String(status)] = problemResponse(
          problems.filter((p) => p.status === status),
          example,
        );
      }
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
      ) as typeof operation.responses;
    }
  }
  return document;
}

function problemsOfShape(operation: Operation): Problem[] {
  const parameters = (operation.parameters ?? []) as ParameterLike[];
  const where = (place: string) => parameters.filter((p) => p.in === place);
  const problems: Problem[] = [];
  if (where('path').length > 0) {
    problems.push(
      { status: 400, type: 'validation', description: 'A path parameter is malformed (an id that is not a UUID)' },
      { status: 404, type: 'not-found', description: 'Nothing has this id, or it is not yours' },
      { status: 414, type: 'uri-too-long', description: 'A path parameter is longer than the server accepts' },
    );
  }
  if (where('query').length > 0) {
    problems.push({ status: 400, type: 'validation', description: 'A query parameter is invalid' });
  }
  if (operation.requestBody) {
    problems.push(
      { status: 400, type: 'validation', description: 'The body is invalid; `errors` lists each field' },
      { status: 400, type: 'bad-request', description: 'The body is not JSON' },
      { status: 413, type: 'payload-too-large', description: 'The body is larger than BODY_LIMIT_BYTES' },
      { status: 415, type: 'unsupported-media-type', description: 'The body is not application/json' },
    );
  }
  if (where('header').some((p) => p.name?.toLowerCase() === 'idempotency-key')) {
    problems.push(
      { status: 400, type: 'validation', description: 'The Idempotency-Key header is missing or malformed' },
      { status: 422, type: 'idempotency-key-reused', description: 'The Idempotency-Key was used with another body' },
    );
  }
  if ((operation.security ?? []).length > 0) {
    problems.push({
      status: 401,
      type: 'unauthorized',
      description: 'The access token is missing (where required), malformed or expired',
    });
  }
  const roles = operation[ROLES_KEY] as string[] | undefined;
  if (roles !== undefined) {
    delete operation[ROLES_KEY];
    if (roles.length > 0) {
      problems.push({ status: 403, type: 'forbidden', description: `Only for the role ${roles.join(' or ')}` });
    }
  }
  return problems;
}

function declaredProblems(operation: Operation): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(operation).filter((k) => k.startsWith(PROBLEM_KEY))) {
    problems.push(operation[key] as Problem);
    delete operation[key];
  }
  return problems;
}

const EXAMPLE_BODY_ERROR = { field: 'quantity', message: 'quantity must be an integer number' };
const EXAMPLE_PARAMETER_ERROR = { field: 'id', message: 'id must be a UUID' };

function problemResponse(problems: readonly Problem[], exampleError: FieldError): ResponseObject {
  const unique = problems.filter((p, i) => problems.findIndex((q) => q.type === p.type) === i);
  const status = unique[0].status;
  const described = (p: Problem) => problems.filter((q) => q.type === p.type).map((q) => q.description);
  return {
    description: unique.map((p) => `\`${p.type}\`: ${described(p).join('; ')}`).join('\n\n'),
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: { $ref: '#/components/schemas/ProblemDetails' },
        examples: Object.fromEntries(
          unique.map((p) => [
            p.type,
            {
              summary: described(p)[0],
              value: {
                type: problemType(p.type),
                title: p.type === 'validation' ? 'Validation failed' : (STATUS_CODES[status] ?? 'Error'),
                status,
                detail: `${described(p)[0]}.`,
                ...(p.type === 'validation' ? { errors: [exampleError] } : {}),
              },
            },
          ]),
        ),
      },
    },
  };
}
