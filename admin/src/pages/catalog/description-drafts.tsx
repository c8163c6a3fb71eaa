import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmAction } from '../../components/confirm-action';
import { ProblemAlert } from '../../components/problem-alert';
import { QueryState } from '../../components/query-state';
import { Time } from '../../components/time';
import { catalogApi, type DescriptionDraft } from './catalog-api';

/**
 * A product's description drafts from the AI module: generate one, then accept it (the product's
 * description becomes its text) or discard it (confirmed in a dialog; nothing else changes).
 */
export function DescriptionDrafts({ productId }: { readonly productId: string }) {
  const client = useQueryClient();
  const key = ['description-drafts', productId];
  const drafts = useQuery({ queryKey: key, queryFn: () => catalogApi.drafts(productId) });
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: key }),
      client.invalidateQueries({ queryKey: ['catalog-product', productId] }),
    ]);
  const generate = useMutation({ mutationFn: () => catalogApi.requestDraft(productId), onSuccess: refresh });
  const accept = useMutation({
    mutationFn: (draft: DescriptionDraft) => catalogApi.decideDraft(productId, draft.id, 'accept'),
    onSuccess: refresh,
  });
  const discard = useMutation({
    mutationFn: (draft: DescriptionDraft) => catalogApi.decideDraft(productId, draft.id, 'discard'),
    onSuccess: refresh,
  });

  return (
    <Card withBorder component="section" aria-labelledby="description-drafts">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="description-drafts">
          Description drafts
        </Title>
        <Button onClick={() => generate.mutate()} loading={generate.isPending}>
          Generate a draft
        </Button>
      </Group>
      {generate.error && <ProblemAlert error={generate.error} heading="No draft" />}
      {accept.error && <ProblemAlert error={accept.error} heading="Not accepted" />}
      <QueryState query={drafts} what="description drafts">
        {({ items }) =>
          items.length === 0 ? (
            <Text>No drafts yet. The AI module writes one from the product’s facts.</Text>
          ) : (
            <Stack gap="sm">
              {items.map((draft) => (
                <Card key={draft.id} withBorder component="article">
                  <Text size="sm" mb={4}>
                    <strong>{draft.status}</strong> · <Time iso={draft.createdAt} /> · prompt {draft.promptName} v
                    {draft.promptVersion}
                  </Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{draft.text}</Text>
                  {draft.status === 'proposed' && (
                    <Group mt="xs">
                      <Button
                        size="sm"
                        onClick={() => accept.mutate(draft)}
                        loading={accept.isPending && accept.variables?.id === draft.id}
                      >
                        Accept
                      </Button>
                      <ConfirmAction
                        label="Discard"
                        title="Discard this draft?"
                        confirmLabel="Discard draft"
                        mutation={discard}
                        variables={() => draft}
                        buttonProps={{ size: 'sm' }}
                      >
                        <Text>
                          The draft is kept in the history as discarded; the product’s description does not change.
                        </Text>
                      </ConfirmAction>
                    </Group>
                  )}
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
