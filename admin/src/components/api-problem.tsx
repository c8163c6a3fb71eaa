import { Alert, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api';

/**
 * A failed call as the person reads it: the problem+json's title as the heading and its detail as
 * the text (a network error or a non-problem answer: its message).
 */
export function ApiProblemAlert({ error, title }: { readonly error: unknown; readonly title?: string }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  const heading = title ?? problem?.title ?? 'The request failed';
  const detail = problem?.detail ?? problem?.title ?? (error instanceof Error ? error.message : String(error));
  return (
    <Alert color="red" role="alert" title={heading}>
      {detail}
    </Alert>
  );
}

/**
 * A query's three states: a labelled loader while it loads, the problem when it failed, and
 * `children(data)` once there is data (refetch errors keep the data shown).
 */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  readonly query: UseQueryResult<T>;
  /** What is loading, for the loader's label ("Loading products"). */
  readonly what: string;
  readonly children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ApiProblemAlert error={query.error} title={`Could not load ${what}`} />;
  return <Loader size="sm" aria-label={`Loading ${what}`} />;
}
