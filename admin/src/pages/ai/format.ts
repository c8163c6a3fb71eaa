import { formatDecimal } from '../../format';
import type { AiCall } from './ai-api';

/** A call's cost as the log shows it: `USD 0.000063`, or "unpriced" when its model has no price. */
export function callCost(call: AiCall): string {
  if (!call.cost.priced || !call.cost.currency) return 'unpriced';
  return formatDecimal(call.cost.total ?? call.cost.charged, call.cost.currency);
}

/** The model that answered (or was asked, when none did). */
export function callModel(call: AiCall): string {
  return call.responseModel ?? call.requestModel ?? '—';
}

/** A `datetime-local` input's value (the user's local time) as an ISO instant; undefined when empty. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
