import { Alert, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../api';

/** An error as the person reads it: a problem+json's title and detail, or the error's message. */
export function ProblemAlert({ error, title = 'Could not load' }: { readonly error: Error; readonly title?: string }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <Alert color="red.9" variant="outline" role="alert" title={problem?.title ?? title}>
      {problem?.detail ?? (problem?.title ? `HTTP ${problem.status}` : error.message)}
    </Alert>
  );
}

/** A query's loading state and error, and `children(data)` once there is data. */
export function QueryState<T>({
  query,
  label,
  children,
}: {
  readonly query: UseQueryResult<T>;
  /** What is loading, for the spinner's accessible name. */
  readonly label: string;
  readonly children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ProblemAlert error={query.error} />;
  return <Loader size="sm" aria-label={`Loading ${label}`} />;
}
