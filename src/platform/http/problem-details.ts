import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One rejected field of a request: where it is, and what is wrong with it. */
export class FieldError {
  @ApiProperty({ example: 'quantity' }) readonly field: string;
  @ApiProperty({ example: 'quantity must be an integer number' }) readonly message: string;

  constructor(field: string, message: string) {
    this.field = field;
    this.message = message;
  }
}

/** An RFC 9457 problem document, the body of every error response. */
export class ProblemDetails {
  @ApiProperty({ example: '/problems/validation' }) readonly type: string;
  @ApiProperty({ example: 'Bad Request' }) readonly title: string;
  @ApiProperty({ example: 400 }) readonly status: number;
  @ApiProperty({ example: 'The request body is invalid.' }) readonly detail: string;
  @ApiPropertyOptional({ example: '/reviews/0190a000-0000-7000-8000-000000000001' }) readonly instance?: string;
  @ApiPropertyOptional() readonly requestId?: string;
  @ApiPropertyOptional({
    description: 'The OpenTelemetry trace id of the request, when the server traces (ADR 0119).',
    example: '4bf92f3577b34da6a3ce929d0e0e4736',
  })
  readonly traceId?: string;
  @ApiPropertyOptional({ type: [FieldError] }) readonly errors?: readonly FieldError[];
  [extension: string]: unknown;

  constructor(init: ProblemDetails) {
    Object.assign(this, init);
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: string): string {
  return `/problems/${slug}`;
}
