import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Time } from '../../components/time';
import type { FraudLabel } from './orders-api';

/** Where a label came from, in words. */
const SOURCES: Record<string, string> = {
  dispute: 'a chargeback',
  admin: "an admin's mark",
  review: "the review's outcome",
};

/**
 * The payment's current fraud label in one line: the verdict, where it came from, who set it and
 * when, and the note; "Not labelled" when it has none; the problem's detail when the read failed.
 */
export function FraudLabelStatus({ query }: { readonly query: UseQueryResult<FraudLabel | null> }) {
  if (query.isPending) return null;
  if (query.error)
    return (
      <Text size="sm" role="status">
        Fraud label unknown: {query.error.message}
      </Text>
    );
  const label = query.data;
  if (!label)
    return (
      <Text size="sm" role="status" data-fraud-label="none">
        Not labelled
      </Text>
    );
  const verdict = label.fraudulent ? 'fraudulent' : 'legitimate';
  return (
    <Text size="sm" role="status" data-fraud-label={verdict}>
      Labelled {verdict} ({SOURCES[label.source] ?? label.source}) by {label.labelledBy},{' '}
      <Time iso={label.labelledAt} />
      {label.note && <> · “{label.note}”</>}
    </Text>
  );
}
