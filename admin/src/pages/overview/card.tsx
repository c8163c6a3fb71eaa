import { Alert, Card, Loader, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ReactNode, useId } from 'react';

/**
 * A titled section of the overview (a labelled region) that shows its query's loading state and
 * error, and `children(data)` once there is data.
 */
export function QueryCard<T>({
  title,
  query,
  children,
}: {
  readonly title: string;
  readonly query: UseQueryResult<T>;
  readonly children: (data: T) => ReactNode;
}) {
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {query.data !== undefined ? (
        children(query.data)
      ) : query.error ? (
        <Alert color="red" title="Could not load">
          {query.error.message}
        </Alert>
      ) : (
        <Loader size="sm" aria-label={`Loading ${title}`} />
      )}
    </Card>
  );
}
