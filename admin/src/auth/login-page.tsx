import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useSession } from './session';

/** Email and password; the console's only page before sign-in. */
export function LoginPage() {
  const { logIn } = useSession();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await logIn(String(form.get('email')), String(form.get('password')));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center component="main" mih="100vh">
      <Paper component="form" onSubmit={submit} withBorder p="xl" w={380} aria-labelledby="login-title">
        <Stack>
          <Title order={1} size="h2" id="login-title">
            Arcade admin
          </Title>
          {error && (
            <Alert color="red" role="alert" title="Cannot sign in">
              {error}
            </Alert>
          )}
          <TextInput
            name="email"
            type="email"
            label="Email"
            autoComplete="username"
            required
            withAsterisk={false}
            autoFocus
          />
          <PasswordInput
            name="password"
            label="Password"
            autoComplete="current-password"
            required
            withAsterisk={false}
          />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
