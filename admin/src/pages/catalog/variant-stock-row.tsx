import { Anchor, Button, Group, List, NumberInput, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/problem-alert';
import { Time } from '../../components/time';
import { catalogApi, type ProductVariant } from './catalog-api';

/**
 * One variant's row: GET /catalog/variants/{id}/stock (on hand, reserved, available) with a form
 * that PUTs the units on hand, and below it the orders holding units, when any do.
 */
export function VariantStockRow({
  productId,
  variant,
  price,
}: {
  readonly productId: string;
  readonly variant: ProductVariant;
  /** The variant's price, formatted. */
  readonly price: string;
}) {
  const client = useQueryClient();
  const stock = useQuery({ queryKey: ['variant-stock', variant.id], queryFn: () => catalogApi.stock(variant.id) });
  const [onHand, setOnHand] = useState<string | number>('');
  const save = useMutation({
    mutationFn: (units: number) => catalogApi.setStock(variant.id, units),
    onSuccess: async () => {
      setOnHand('');
      await Promise.all([
        client.invalidateQueries({ queryKey: ['variant-stock', variant.id] }),
        client.invalidateQueries({ queryKey: ['catalog-product', productId] }),
        client.invalidateQueries({ queryKey: ['catalog-products'] }),
      ]);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typeof onHand === 'number') save.mutate(onHand);
  }

  const level = stock.data;
  const figure = (value: number | undefined) => (value === undefined ? (stock.error ? '?' : '…') : String(value));
  return (
    <>
      <Table.Tr>
        <Table.Th scope="row">{variant.sku}</Table.Th>
        <Table.Td>{variant.title}</Table.Td>
        <Table.Td>{price}</Table.Td>
        <Table.Td data-stock="onHand">{figure(level?.onHand)}</Table.Td>
        <Table.Td data-stock="reserved">{figure(level?.reserved)}</Table.Td>
        <Table.Td data-stock="available">{figure(level?.available)}</Table.Td>
        <Table.Td>
          <form onSubmit={submit}>
            <Group gap="xs" wrap="nowrap">
              <NumberInput
                label={`Units on hand of ${variant.sku}`}
                styles={{ label: visuallyHidden }}
                placeholder={level ? String(level.onHand) : 'Units'}
                min={0}
                max={1_000_000_000}
                allowDecimal={false}
                allowNegative={false}
                value={onHand}
                onChange={setOnHand}
                w={110}
              />
              <Button type="submit" size="sm" loading={save.isPending} disabled={typeof onHand !== 'number'}>
                Set
              </Button>
            </Group>
          </form>
        </Table.Td>
      </Table.Tr>
      {(save.error || stock.error || (level && level.reservations.length > 0)) && (
        <Table.Tr>
          <Table.Td colSpan={7}>
            {save.error && <ProblemAlert error={save.error} heading={`Stock of ${variant.sku} not set`} />}
            {stock.error && <ProblemAlert error={stock.error} heading={`Could not load the stock of ${variant.sku}`} />}
            {level && level.reservations.length > 0 && (
              <>
                <Text size="sm">Reservations of {variant.sku} (orders being checked out):</Text>
                <List size="sm" aria-label={`Reservations of ${variant.sku}`}>
                  {level.reservations.map((hold) => (
                    <List.Item key={hold.orderId}>
                      <Anchor component={Link} to={`/orders/${hold.orderId}`}>
                        Order {hold.orderId}
                      </Anchor>
                      : {hold.quantity} reserved <Time iso={hold.reservedAt} />
                      {hold.expiresAt && (
                        <>
                          , released <Time iso={hold.expiresAt} /> unless committed
                        </>
                      )}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** Kept for screen readers, hidden on screen (the column header says what the input is). */
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
