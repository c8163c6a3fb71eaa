import { Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

/**
 * A query's three states: `children(data)` once there is data (kept while a refetch runs), the
 * problem when it failed, a labelled loader meanwhile.
 */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  readonly query: UseQueryResult<T>;
  /** What is loading, for the loader's label and the error's heading: "the order". */
  readonly what: string;
  readonly children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ProblemAlert error={query.error} heading={`Could not load ${what}`} />;
  return <Loader size="sm" aria-label={`Loading ${what}`} />;
}
