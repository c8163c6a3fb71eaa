import { Card, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled region of a page (a card whose h2 names it), for the page's parts. */
export function Section({
  title,
  children,
  actions,
}: {
  readonly title: string;
  readonly children: ReactNode;
  readonly actions?: ReactNode;
}) {
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {actions}
      {children}
    </Card>
  );
}
