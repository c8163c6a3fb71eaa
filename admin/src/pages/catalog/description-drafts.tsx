import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblemAlert, QueryState } from '../../components/api-problem';
import { ConfirmModal } from '../../components/confirm-modal';
import { LocalTime } from '../../components/local-time';
import { catalogApi, type DescriptionDraft } from './catalog-api';

/**
 * A product's description drafts from the AI module: generate one, then accept it (the product's
 * description becomes its text) or discard it (confirmed in a dialog; nothing else changes).
 */
export function DescriptionDrafts({ productId }: { readonly productId: string }) {
  const client = useQueryClient();
  const key = ['description-drafts', productId];
  const drafts = useQuery({ queryKey: key, queryFn: () => catalogApi.drafts(productId) });
  const [discarding, setDiscarding] = useState<DescriptionDraft | undefined>();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: key }),
      client.invalidateQueries({ queryKey: ['catalog-product', productId] }),
    ]);
  const generate = useMutation({ mutationFn: () => catalogApi.requestDraft(productId), onSuccess: refresh });
  const decide = useMutation({
    mutationFn: ({ draft, decision }: { draft: DescriptionDraft; decision: 'accept' | 'discard' }) =>
      catalogApi.decideDraft(productId, draft.id, decision),
    onSuccess: async () => {
      setDiscarding(undefined);
      await refresh();
    },
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
      {generate.error && <ApiProblemAlert error={generate.error} title="No draft" />}
      {decide.error && !discarding && <ApiProblemAlert error={decide.error} title="The decision was not saved" />}
      <QueryState query={drafts} what="description drafts">
        {({ items }) =>
          items.length === 0 ? (
            <Text>No drafts yet. The AI module writes one from the product’s facts.</Text>
          ) : (
            <Stack gap="sm">
              {items.map((draft) => (
                <Card key={draft.id} withBorder component="article">
                  <Text size="sm" mb={4}>
                    <strong>{draft.status}</strong> · <LocalTime iso={draft.createdAt} /> · prompt {draft.promptName} v
                    {draft.promptVersion}
                  </Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{draft.text}</Text>
                  {draft.status === 'proposed' && (
                    <Group mt="xs">
                      <Button
                        size="sm"
                        onClick={() => decide.mutate({ draft, decision: 'accept' })}
                        loading={decide.isPending && decide.variables?.draft.id === draft.id}
                      >
                        Accept
                      </Button>
                      <Button size="sm" variant="default" onClick={() => setDiscarding(draft)}>
                        Discard
                      </Button>
                    </Group>
                  )}
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <ConfirmModal
        opened={discarding !== undefined}
        title="Discard this draft?"
        confirmLabel="Discard draft"
        cancelLabel="Keep it"
        busy={decide.isPending}
        error={discarding ? decide.error : undefined}
        onConfirm={() => discarding && decide.mutate({ draft: discarding, decision: 'discard' })}
        onClose={() => setDiscarding(undefined)}
      >
        <Text>The draft is kept in the history as discarded; the product’s description does not change.</Text>
      </ConfirmModal>
    </Card>
  );
}
