import { Anchor, NativeSelect, Stack, Table, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';
import { formatMoney } from '../../format';
import { fraudApi, type ReviewStatus } from './fraud-api';
import { ExplanationText, featureInWords, scoreInWords } from './review-words';

const PAGE_SIZE = 20;
const STATUSES: readonly ReviewStatus[] = ['pending', 'approved', 'rejected', 'closed'];
/** The queue is read again every few seconds: held payments arrive and explanations get written. */
const QUEUE_REFRESH_MS = 5000;

/** /fraud: payments held for review (pending by default, oldest first) with score, top features and explanation. */
export function ReviewListPage() {
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ReviewStatus)
    : 'pending';
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const query = useQuery({
    queryKey: ['fraud-reviews', status, cursor],
    queryFn: () => fraudApi.reviews(status, cursor, PAGE_SIZE),
    placeholderData: keepPreviousData,
    refetchInterval: QUEUE_REFRESH_MS,
  });
  return (
    <Stack>
      <Title order={1}>Fraud review</Title>
      <NativeSelect
        label="Show reviews"
        w={220}
        value={status}
        onChange={(event) => {
          pages.reset();
          setParams(event.currentTarget.value === 'pending' ? {} : { status: event.currentTarget.value });
        }}
        data={STATUSES.map((s) => ({ value: s, label: s }))}
      />
      <QueryState query={query} what="the review queue">
        {(page) => (
          <Stack>
            <Table.ScrollContainer minWidth={1000}>
              <Table striped withTableBorder aria-label="Reviews">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Payment</Table.Th>
                    <Table.Th scope="col">Order</Table.Th>
                    <Table.Th scope="col">Amount</Table.Th>
                    <Table.Th scope="col">Score</Table.Th>
                    <Table.Th scope="col">Top features</Table.Th>
                    <Table.Th scope="col">AI explanation</Table.Th>
                    <Table.Th scope="col">{status === 'pending' ? 'Deadline' : 'Decided'}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>No {status} review.</Table.Td>
                    </Table.Tr>
                  )}
                  {page.items.map((review) => (
                    <Table.Tr key={review.paymentId}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/fraud/${review.paymentId}`} ff="monospace" size="sm">
                          {review.paymentId}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>
                        <Anchor component={Link} to={`/orders/${review.orderId}`} ff="monospace" size="sm">
                          {review.orderId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{review.assessment ? formatMoney(review.assessment.amount) : '—'}</Table.Td>
                      <Table.Td>{scoreInWords(review.assessment)}</Table.Td>
                      <Table.Td>
                        {review.assessment?.topFeatures.length
                          ? review.assessment.topFeatures.slice(0, 3).map(featureInWords).join(', ')
                          : (review.assessment?.reasons.join(', ') ?? '—')}
                      </Table.Td>
                      <Table.Td>
                        <ExplanationText explanation={review.explanation} />
                      </Table.Td>
                      <Table.Td>
                        <Time iso={status === 'pending' ? review.deadline : review.decidedAt} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
