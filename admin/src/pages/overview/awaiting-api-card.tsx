import { Card, Text, Title } from '@mantine/core';
import { useId } from 'react';

/**
 * A figure of the overview that the API does not give yet: it names what it waits for.
 * Replace it with a QueryCard once that endpoint exists.
 */
export function AwaitingApiCard({ title, needs }: { readonly title: string; readonly needs: string }) {
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <Text size="sm">Not available yet: it needs {needs}, which the API does not offer yet.</Text>
    </Card>
  );
}
