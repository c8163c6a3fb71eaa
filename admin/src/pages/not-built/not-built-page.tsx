import { Text, Title } from '@mantine/core';

/** A page listed in the navigation whose content is not built yet. */
export function NotBuiltPage({ name }: { readonly name: string }) {
  return (
    <>
      <Title order={1}>{name}</Title>
      <Text mt="md">This page is not built yet.</Text>
    </>
  );
}
