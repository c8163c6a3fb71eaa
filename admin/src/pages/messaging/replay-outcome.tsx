import { List } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Time } from '../../components/time';
import { messagingApi, type ReplayResult } from './messaging-api';

const OUTCOMES: Record<Exclude<ReplayResult['outcome'], 'pending'>, string> = {
  delivered: 'delivered',
  not_found: 'not found (replayed already?)',
  failed: 'failed again',
};

/** How often a replayed message's state is asked while it waits in its outbox, milliseconds. */
const FOLLOW_MS = 1_000;

/**
 * One replayed dead letter's outcome. One put back in its outbox is followed
 * (GET /admin/messaging/messages/{id}) until it is delivered or parked again.
 */
export function ReplayOutcome({ result }: { readonly result: ReplayResult }) {
  const followed = useQuery({
    queryKey: ['outbox-message', result.id],
    queryFn: () => messagingApi.message(result.id),
    enabled: result.outcome === 'pending',
    refetchInterval: (query) => (query.state.data?.status === 'pending' || !query.state.data ? FOLLOW_MS : false),
  });
  const message = followed.data;
  let state: ReactNode;
  if (result.outcome !== 'pending') state = OUTCOMES[result.outcome];
  else if (message?.status === 'delivered')
    state = (
      <>
        delivered <Time iso={message.deliveredAt} />
      </>
    );
  else if (message?.status === 'dead') state = `failed again after ${message.attempts} attempts`;
  else if (followed.error) state = `back in its outbox (its state could not be read: ${followed.error.message})`;
  else state = `back in its outbox, waiting for delivery${message ? ` (attempts: ${message.attempts})` : ''}`;
  return (
    <List.Item data-replayed={result.id}>
      {result.module ?? 'unknown'} {result.id}: {state}
      {result.error ? ` — ${result.error}` : ''}
    </List.Item>
  );
}
