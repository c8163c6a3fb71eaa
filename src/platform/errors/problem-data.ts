/**
 * A failure described as plain JSON data, in the shape of an RFC 9457 problem: how a module's
 * refusal (an out-of-stock, a not-found) crosses a module boundary, in-process exactly as over the
 * broker, and what the HTTP edge finally answers with.
 */
export interface ProblemData {
  /** The status the HTTP edge answers with: 4xx the caller's fault, 5xx not. */
  readonly status: number;
  /** Short, stable slug of the problem type, e.g. `quota-exceeded`. */
  readonly type: string;
  readonly detail: string;
  readonly title?: string;
  /** For a validation problem: each rejected field. */
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  /** Extension members, e.g. `{ available: 3 }`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** The method by which an error gives its {@link ProblemData} (the HTTP layer's ProblemException has it). */
export const PROBLEM_DATA = Symbol.for('arcade.problem-data');

export interface DescribedByProblemData {
  [PROBLEM_DATA](): ProblemData;
}

/** The problem an error carries as data, as a detached JSON copy; undefined for any other error. */
export function problemDataOf(error: unknown): ProblemData | undefined {
  const describe = (error as Partial<DescribedByProblemData> | null | undefined)?.[PROBLEM_DATA];
  if (typeof describe !== 'function') return undefined;
  return JSON.parse(JSON.stringify(describe.call(error))) as ProblemData;
}
