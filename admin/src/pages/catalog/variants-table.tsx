import { Card, Table, Title } from '@mantine/core';
import { formatMoney } from '../../format';
import type { Product } from './catalog-api';
import { VariantStockRow } from './variant-stock-row';

/** A product's variants, each with its stock, its reservations and a form to set the units on hand. */
export function VariantsTable({ product }: { readonly product: Product }) {
  return (
    <Card withBorder component="section" aria-labelledby="product-variants">
      <Title order={2} size="h4" id="product-variants" mb="xs">
        Variants and stock
      </Title>
      <Table aria-labelledby="product-variants">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">SKU</Table.Th>
            <Table.Th scope="col">Variant</Table.Th>
            <Table.Th scope="col">Price</Table.Th>
            <Table.Th scope="col">On hand</Table.Th>
            <Table.Th scope="col">Reserved</Table.Th>
            <Table.Th scope="col">Available</Table.Th>
            <Table.Th scope="col">Set stock</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {product.variants.map((variant) => (
            <VariantStockRow
              key={variant.id}
              productId={product.id}
              variant={variant}
              price={formatMoney(variant.price)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
