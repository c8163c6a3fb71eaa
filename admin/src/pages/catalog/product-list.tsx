import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/problem-alert';
import { formatMoney } from '../../format';
import { catalogApi, type Product } from './catalog-api';

const STATUSES = [
  { value: 'active', label: 'Active' },
  { value: 'draft', label: 'Draft' },
  { value: 'archived', label: 'Archived' },
];

/** GET /catalog/products: products of one status, newest first or by relevance to the search, 20 a page. */
export function ProductList() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Product['status']>('active');
  const query = useInfiniteQuery({
    queryKey: ['catalog-products', status, q],
    queryFn: ({ pageParam }) => catalogApi.products({ q: q || undefined, status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const products = query.data?.pages.flatMap((page) => page.items) ?? [];

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setQ(String(form.get('q') ?? '').trim());
    setStatus(String(form.get('status') ?? 'active') as Product['status']);
  }

  return (
    <Stack>
      <Title order={1}>Catalog</Title>
      <form onSubmit={search} role="search" aria-label="Products">
        <Group align="end">
          <TextInput name="q" label="Search products" placeholder="Words in titles and descriptions" w={360} />
          <NativeSelect name="status" label="Status" data={STATUSES} defaultValue="active" />
          <Button type="submit">Search</Button>
        </Group>
      </form>
      {query.error && <ProblemAlert error={query.error} heading="Could not load products" />}
      {query.isPending ? (
        <Text>Loading products…</Text>
      ) : products.length === 0 && !query.error ? (
        <Text>{q ? `No ${status} product matches “${q}”.` : `No ${status} products.`}</Text>
      ) : (
        <Table striped aria-label="Products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Product</Table.Th>
              <Table.Th scope="col">Slug</Table.Th>
              <Table.Th scope="col">From</Table.Th>
              <Table.Th scope="col">In stock</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.map((product) => (
              <Table.Tr key={product.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={product.id}>
                    {product.title}
                  </Anchor>
                </Table.Th>
                <Table.Td>{product.slug}</Table.Td>
                <Table.Td>{formatMoney(product.price)}</Table.Td>
                <Table.Td>{product.inStock ? 'Yes' : 'No'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          More products
        </Button>
      )}
    </Stack>
  );
}
