import { Stack, Text, Title } from '@mantine/core';
import { BrokerCard } from './broker-card';
import { DeadLettersCard } from './dead-letters-card';
import { ModulesMessagingCard } from './modules-messaging-card';
import { MESSAGING_REFRESH_MS } from './refresh';

/** Messaging: each module's outbox and inbox, the broker, and the dead letters to read and replay. */
export function MessagingPage() {
  return (
    <Stack>
      <Title order={1}>Messaging</Title>
      <Text size="sm">Refreshed every {MESSAGING_REFRESH_MS / 1000} seconds.</Text>
      <ModulesMessagingCard />
      <BrokerCard />
      <DeadLettersCard />
    </Stack>
  );
}
