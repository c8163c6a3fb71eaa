export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __ARCADE_TEST_PG__?: { stop(): Promise<void> } }).__ARCADE_TEST_PG__?.stop();
}
