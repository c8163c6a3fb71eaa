import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { Time } from '../../components/time';
import { OrderActions } from './order-actions';
import { OrderLinesTable } from './order-lines-table';
import { OrderPayments } from './order-payments';
import { OrderShipments } from './order-shipments';
import { ordersApi } from './orders-api';
import { SagaTimeline } from './saga-timeline';
import { cancellationInWords, sagaIsMoving, sagaProgress } from './saga-words';
import { TotalsBreakdown } from './totals-breakdown';

/** How often a moving order is read again, ms. */
const LIVE_MS = 1000;
/** How long after an action the page keeps reading (refunds and cancellations settle asynchronously), ms. */
const AFTER_ACTION_MS = 15_000;

/**
 * /orders/:orderId: the order's lines and totals breakdown, its payments and shipments, the saga
 * timeline, and the admin's actions. Everything is read again every second while the saga is in
 * flight and for a while after an action.
 */
export function OrderPage() {
  const { orderId = '' } = useParams();
  const client = useQueryClient();
  const pollUntil = useRef(0);
  const saga = useQuery({
    queryKey: ['order-saga', orderId],
    queryFn: () => ordersApi.saga(orderId),
    refetchInterval: (q) => (sagaIsMoving(q.state.data) || Date.now() < pollUntil.current ? LIVE_MS : false),
  });
  const live = () => (sagaIsMoving(saga.data) || Date.now() < pollUntil.current ? LIVE_MS : false);
  const order = useQuery({
    queryKey: ['order', orderId],
    queryFn: () => ordersApi.get(orderId),
    refetchInterval: live,
  });
  const payments = useQuery({
    queryKey: ['order-payments', orderId],
    queryFn: () => ordersApi.payments(orderId),
    refetchInterval: live,
  });
  const shipments = useQuery({
    queryKey: ['order-shipments', orderId],
    queryFn: () => ordersApi.shipments(orderId),
    refetchInterval: live,
  });
  // Each move of the saga changes the order, its payments or its shipments: read them again then,
  // also after the last move (when the saga stops moving and their polling stops).
  const progress = sagaProgress(saga.data);
  useEffect(() => {
    if (progress === undefined) return;
    for (const key of ['order', 'order-payments', 'order-shipments']) {
      void client.invalidateQueries({ queryKey: [key, orderId] });
    }
  }, [client, orderId, progress]);
  const changed = useCallback(() => {
    pollUntil.current = Date.now() + AFTER_ACTION_MS;
    for (const key of ['order', 'order-saga', 'order-payments', 'order-shipments']) {
      void client.invalidateQueries({ queryKey: [key, orderId] });
    }
    void client.invalidateQueries({ queryKey: ['orders'] });
  }, [client, orderId]);

  return (
    <Stack>
      <Anchor component={Link} to="/orders" size="sm">
        ← All orders
      </Anchor>
      <Title order={1}>Order {orderId}</Title>
      <QueryState query={order} what="the order">
        {(o) => (
          <Stack>
            <Group>
              <Badge size="lg" color="dark" data-order-status={o.status}>
                {o.status.replaceAll('_', ' ')}
              </Badge>
              <Text size="sm">
                Placed <Time iso={o.createdAt} /> by customer {o.customerId}
                {o.cancelReason && ` · cancelled: ${cancellationInWords(o.cancelReason)}`}
              </Text>
            </Group>
            <OrderActions order={o} payments={payments.data} changed={changed} />
            <Section title="Lines">
              <OrderLinesTable lines={o.lines} />
            </Section>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Section title="Totals">
                <TotalsBreakdown order={o} />
              </Section>
              <Section title="Shipping address">
                <Text>
                  {o.shippingAddress.name}
                  <br />
                  {o.shippingAddress.line1}
                  {o.shippingAddress.line2 && (
                    <>
                      <br />
                      {o.shippingAddress.line2}
                    </>
                  )}
                  <br />
                  {o.shippingAddress.postalCode} {o.shippingAddress.city}, {o.shippingAddress.country}
                </Text>
              </Section>
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
      {!order.error && (
        <>
          <SagaTimeline query={saga} />
          <OrderPayments query={payments} />
          <OrderShipments query={shipments} />
        </>
      )}
    </Stack>
  );
}
