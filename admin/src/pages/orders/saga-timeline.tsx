import { Badge, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';
import type { CheckoutSaga, SagaMessage, SagaReply } from './orders-api';
import { outcomeInWords, sagaIsMoving, stepInWords } from './saga-words';
import { Section } from '../../components/section';

// Dark enough for white text (WCAG AA) at the badge's small size.
const OUTCOME_COLOR = { in_flight: 'blue.9', confirmed: '#0b5e46', completed: '#1b5e20', cancelled: 'red.9' } as const;

/**
 * GET /orders/:id/saga as a table: the outcome (and why it was cancelled) in words at the top, then
 * each step in order with the command sent (type, id, written, delivered, attempts, last error),
 * the reply that caused it and the reply received; compensations are marked. The events the order
 * published and its milestones follow.
 */
export function SagaTimeline({ query }: { readonly query: UseQueryResult<CheckoutSaga> }) {
  return (
    <Section title="Saga timeline">
      <QueryState query={query} what="the saga timeline">
        {(saga) => (
          <Stack>
            <Group>
              <Badge size="lg" color={OUTCOME_COLOR[saga.outcome]} data-outcome={saga.outcome}>
                {saga.outcome.replace('_', ' ')}
              </Badge>
              <Text fw={700} size="lg" data-testid="saga-outcome">
                {outcomeInWords(saga)}
              </Text>
            </Group>
            <Text size="sm">
              Saga state: {saga.state ?? 'none'}
              {saga.stepDeadline && (
                <>
                  {' '}
                  · the awaited reply times out at <Time iso={saga.stepDeadline} />
                </>
              )}
              {saga.cancellation && (
                <>
                  {' '}
                  · cancelled at <Time iso={saga.cancellation.at} />
                  {saga.cancellation.causedBy && <> by {replyText(saga.cancellation.causedBy)}</>}
                </>
              )}
              {sagaIsMoving(saga) && ' · refreshing every second'}
            </Text>
            <Table.ScrollContainer minWidth={900}>
              <Table withTableBorder verticalSpacing="xs" aria-label="Saga steps">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Step</Table.Th>
                    <Table.Th scope="col">Message sent</Table.Th>
                    <Table.Th scope="col">Delivery</Table.Th>
                    <Table.Th scope="col">Caused by</Table.Th>
                    <Table.Th scope="col">Reply received</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {saga.steps.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>No step was sent.</Table.Td>
                    </Table.Tr>
                  )}
                  {saga.steps.map((step, index) => (
                    <Table.Tr
                      key={step.message.id}
                      data-step={step.step}
                      bg={step.compensation ? 'var(--mantine-color-orange-0)' : undefined}
                    >
                      <Table.Th scope="row" miw={150}>
                        <Stack gap={4} align="flex-start">
                          <span>{stepInWords(step.step)}</span>
                          {step.compensation && (
                            <Badge color="grape.9" size="sm">
                              Compensation
                            </Badge>
                          )}
                        </Stack>
                      </Table.Th>
                      <Table.Td>
                        <MessageCell message={step.message} />
                      </Table.Td>
                      <Table.Td>
                        <DeliveryCell message={step.message} />
                      </Table.Td>
                      <Table.Td>
                        {step.causedBy ? (
                          <ReplyCell reply={step.causedBy} />
                        ) : index === 0 ? (
                          'the order being placed'
                        ) : (
                          'a person or a deadline'
                        )}
                      </Table.Td>
                      <Table.Td>{step.reply ? <ReplyCell reply={step.reply} /> : 'none'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <EventsTable events={saga.events} />
            <Text size="sm" component="div">
              Milestones:{' '}
              {saga.milestones.map((m, i) => (
                <span key={`${m.status}-${m.at}-${i}`}>
                  {i > 0 && ' → '}
                  {m.status.replaceAll('_', ' ')}
                  {m.reason && ` (${m.reason.replaceAll('_', ' ')})`} <Time iso={m.at} />
                </span>
              ))}
            </Text>
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function MessageCell({ message }: { readonly message: SagaMessage }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {message.type}
      </Text>
      <Code>{message.id}</Code>
      <Text size="xs">
        written <Time iso={message.createdAt} />
      </Text>
    </Stack>
  );
}

function DeliveryCell({ message }: { readonly message: SagaMessage }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} c={message.status === 'dead' ? 'red.9' : undefined}>
        {message.status === 'dead' ? 'dead letter' : message.status}
      </Text>
      <Text size="xs">
        {message.attempts} attempt{message.attempts === 1 ? '' : 's'}
        {message.deliveredAt && (
          <>
            {' '}
            · delivered <Time iso={message.deliveredAt} />
          </>
        )}
      </Text>
      {message.lastError && (
        <Text size="xs" c="red.9">
          Last error: {message.lastError}
        </Text>
      )}
    </Stack>
  );
}

function ReplyCell({ reply }: { readonly reply: SagaReply }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {reply.type}
      </Text>
      {reply.id ? <Code>{reply.id}</Code> : <Text size="xs">(from the order timeline)</Text>}
      <Text size="xs">
        received <Time iso={reply.receivedAt} />
      </Text>
    </Stack>
  );
}

function replyText(reply: SagaReply): string {
  return reply.id ? `${reply.type} (${reply.id})` : reply.type;
}

function EventsTable({ events }: { readonly events: readonly SagaMessage[] }) {
  if (events.length === 0) return <Text size="sm">The order published no event yet.</Text>;
  return (
    <Table withTableBorder verticalSpacing="xs" aria-label="Events published">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Event published</Table.Th>
          <Table.Th scope="col">Id</Table.Th>
          <Table.Th scope="col">Written</Table.Th>
          <Table.Th scope="col">Delivery</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => (
          <Table.Tr key={event.id}>
            <Table.Th scope="row">{event.type}</Table.Th>
            <Table.Td>
              <Code>{event.id}</Code>
            </Table.Td>
            <Table.Td>
              <Time iso={event.createdAt} />
            </Table.Td>
            <Table.Td>
              <DeliveryCell message={event} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
