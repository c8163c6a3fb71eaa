import { Anchor, Badge, Button, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ConfirmAction } from '../../components/confirm-action';
import { ProblemAlert } from '../../components/problem-alert';
import { useMutateOnce } from '../../components/use-mutate-once';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { Time } from '../../components/time';
import { formatMoney } from '../../format';
import { ordersApi } from '../orders/orders-api';
import { fraudApi, type Review } from './fraud-api';
import { ExplanationText, scoreInWords } from './review-words';

const LIVE_MS = 1000;

/**
 * /fraud/:paymentId: one review with its assessment (score, reasons, every top feature, the
 * shadow's verdict), the AI explanation, and approve / reject, each confirmed. The order's status is
 * shown beside it and read again until the checkout settles, so the reviewer sees it confirm.
 */
export function ReviewPage() {
  const { paymentId = '' } = useParams();
  const client = useQueryClient();
  const review = useQuery({
    queryKey: ['fraud-review', paymentId],
    queryFn: () => fraudApi.review(paymentId),
    refetchInterval: (q) => (q.state.data?.explanation?.status === 'pending' ? LIVE_MS * 3 : false),
  });
  const orderId = review.data?.orderId;
  const order = useQuery({
    queryKey: ['order', orderId],
    queryFn: () => ordersApi.get(orderId!),
    enabled: orderId !== undefined,
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? LIVE_MS : false),
  });
  const decided = (answer: Review) => {
    client.setQueryData(['fraud-review', paymentId], answer);
    void client.invalidateQueries({ queryKey: ['fraud-reviews'] });
    void client.invalidateQueries({ queryKey: ['order', answer.orderId] });
  };
  const approve = useMutation({ mutationFn: () => fraudApi.approve(paymentId), onSuccess: decided });
  const reject = useMutation({ mutationFn: () => fraudApi.reject(paymentId), onSuccess: decided });
  const explain = useMutation({ mutationFn: () => fraudApi.explain(paymentId), onSuccess: decided });
  const explainOnce = useMutateOnce(explain);

  return (
    <Stack>
      <Anchor component={Link} to="/fraud" size="sm">
        ← Review queue
      </Anchor>
      <Title order={1}>Review of payment {paymentId}</Title>
      <QueryState query={review} what="the review">
        {(r) => (
          <Stack>
            <Group>
              <Badge size="lg" color="dark" data-review-status={r.status}>
                {r.status}
              </Badge>
              <Text size="sm">
                Held <Time iso={r.createdAt} />
                {r.status === 'pending' ? (
                  <>
                    {' '}
                    · decided by default at <Time iso={r.deadline} />
                  </>
                ) : (
                  <>
                    {' '}
                    · {r.status} by {r.decidedBy ?? 'the deadline'} <Time iso={r.decidedAt} />
                  </>
                )}
              </Text>
            </Group>
            <Group>
              <ConfirmAction
                label="Approve"
                title="Approve this payment?"
                confirmLabel="Approve and capture"
                color="#1b5e20"
                mutation={approve}
                variables={() => undefined}
                disabled={r.status !== 'pending'}
              >
                <Text>The checkout captures the payment and confirms the order.</Text>
              </ConfirmAction>
              <ConfirmAction
                label="Reject"
                title="Reject this payment?"
                confirmLabel="Reject and cancel the order"
                mutation={reject}
                variables={() => undefined}
                disabled={r.status !== 'pending'}
              >
                <Text>
                  The order is cancelled (payment risk), the hold on the card is voided, and the payment is labelled
                  fraudulent.
                </Text>
              </ConfirmAction>
            </Group>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Section title="Order">
                <Stack gap="xs">
                  <Anchor component={Link} to={`/orders/${r.orderId}`} ff="monospace" size="sm">
                    {r.orderId}
                  </Anchor>
                  <QueryState query={order} what="the order">
                    {(o) => (
                      <Text data-order-status={o.status}>
                        Order status: <strong>{o.status.replaceAll('_', ' ')}</strong> · {formatMoney(o.totals.total)}
                      </Text>
                    )}
                  </QueryState>
                </Stack>
              </Section>
              <Section title="AI explanation">
                <Stack gap="xs">
                  <ExplanationText explanation={r.explanation} full />
                  {r.explanation?.promptName && (
                    <Text size="xs">
                      Prompt {r.explanation.promptName} v{r.explanation.promptVersion} · updated{' '}
                      <Time iso={r.explanation.updatedAt} />
                    </Text>
                  )}
                  <Group>
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => explainOnce(undefined)}
                      loading={explain.isPending}
                    >
                      Explain again
                    </Button>
                  </Group>
                  {explain.error && <ProblemAlert error={explain.error} heading="No explanation" />}
                </Stack>
              </Section>
            </SimpleGrid>
            <AssessmentSection review={r} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function AssessmentSection({ review }: { readonly review: Review }) {
  const a = review.assessment;
  return (
    <Section title="Assessment">
      {!a ? (
        <Text>No assessment was stored for this payment.</Text>
      ) : (
        <Stack>
          <Text>
            Score {scoreInWords(a)} · decision {a.decision} by {a.decidedBy} · rules {a.rulesScore} / 100 · amount{' '}
            {formatMoney(a.amount)} · assessed <Time iso={a.assessedAt} />
          </Text>
          <Text size="sm">Customer {a.customerId}</Text>
          {a.reasons.length > 0 && (
            <List size="sm" aria-label="Reasons">
              {a.reasons.map((reason) => (
                <List.Item key={reason}>{reason.replaceAll('_', ' ')}</List.Item>
              ))}
            </List>
          )}
          {a.shadow && (
            <Text size="sm">
              Shadow model v{a.shadow.modelVersion}: {(a.shadow.score * 100).toFixed(1)} %, would {a.shadow.decision}
            </Text>
          )}
          {a.topFeatures.length === 0 ? (
            <Text size="sm">No model scored it: the rules decided (cold start).</Text>
          ) : (
            <Table withTableBorder aria-label="Top features" maw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Feature</Table.Th>
                  <Table.Th scope="col">Value</Table.Th>
                  <Table.Th scope="col">Contribution (log-odds)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.topFeatures.map((f) => (
                  <Table.Tr key={f.feature}>
                    <Table.Th scope="row">{f.feature.replaceAll('_', ' ')}</Table.Th>
                    <Table.Td>{f.value}</Table.Td>
                    <Table.Td>
                      {f.contribution >= 0 ? '+' : '−'}
                      {Math.abs(f.contribution).toFixed(2)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Section>
  );
}
