import { useQuery } from '@tanstack/react-query';
import { api, type MessagingOverview } from '../../api';
import type { UpstreamStatus } from './messaging-api';
import { MESSAGING_REFRESH_MS } from './refresh';

/** GET /admin/messaging, with the upstreams the gateway asked (split topology; empty otherwise). */
export type MessagingStatus = MessagingOverview & { readonly upstreams?: readonly UpstreamStatus[] };

/** The messaging overview, shared with the Overview page's card (same query key), refreshed while shown. */
export function useMessaging() {
  return useQuery({
    queryKey: ['messaging'],
    queryFn: () => api.messaging() as Promise<MessagingStatus>,
    refetchInterval: MESSAGING_REFRESH_MS,
  });
}
