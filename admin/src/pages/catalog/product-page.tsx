import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { catalogApi } from './catalog-api';
import { DescriptionDrafts } from './description-drafts';
import { VariantsTable } from './variants-table';

/** A product (GET /catalog/products/{id}): its description, its variants with stock, its description drafts. */
export function ProductPage() {
  const { productId = '' } = useParams();
  const query = useQuery({ queryKey: ['catalog-product', productId], queryFn: () => catalogApi.product(productId) });
  return (
    <Stack>
      <Anchor component={Link} to="..">
        All products
      </Anchor>
      <QueryState query={query} what="the product">
        {(product) => (
          <Stack>
            <Title order={1}>{product.title}</Title>
            <Text size="sm">
              {product.slug} · {product.status}
              {product.categories.length > 0 && ` · ${product.categories.map((c) => c.name).join(', ')}`}
            </Text>
            <Card withBorder component="section" aria-labelledby="product-description">
              <Title order={2} size="h4" id="product-description" mb="xs">
                Description
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="product-description">
                {product.description || 'No description.'}
              </Text>
            </Card>
            <VariantsTable product={product} />
            <DescriptionDrafts productId={product.id} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
