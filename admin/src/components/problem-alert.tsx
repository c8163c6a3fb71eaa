import { Alert, List, Text } from '@mantine/core';
import { ApiError } from '../api';

/** A field the API refused, as a validation problem lists it. */
interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * An error as a red alert: an API problem+json shows its title as the heading, its detail below and
 * the fields a validation problem names (the status when it has neither); any other error its message.
 */
export function ProblemAlert({ error, heading }: { readonly error: unknown; readonly heading?: string }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  const title = problem?.title ?? heading ?? 'Could not load';
  const detail =
    problem?.detail ??
    (error instanceof ApiError
      ? `The API answered ${error.status}`
      : error instanceof Error
        ? error.message
        : String(error));
  const fields = (problem as { errors?: unknown } | undefined)?.errors;
  const errors = Array.isArray(fields) ? (fields as FieldError[]) : [];
  return (
    <Alert color="red" role="alert" title={title}>
      <Text size="sm">{detail}</Text>
      {errors.length > 0 && (
        <List size="sm">
          {errors.map((e) => (
            <List.Item key={`${e.field}:${e.message}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
