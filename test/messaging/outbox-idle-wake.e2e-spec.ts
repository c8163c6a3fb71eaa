import { Client } from 'pg';
import { OutboxRelay, OutboxRelays, toEnvelope } from '../../src/platform/messaging/testing';
import { Scenario } from '../support/scenario';
import { waitUntil } from '../support/wait-until';
import { ProbeHappened } from './probe.contracts';
import { createProbeTables, ProbeModule } from './probe.module';

/** The poll interval here; an idle relay that listens backs off from it, doubling, up to a minute. */
const POLL_MS = 100;
/** "Backed off": the next poll is at least this far away… */
const BACKED_OFF_MS = 5_000;
/** …so a row delivered within this (a wait timeout, 40 poll intervals) came through a wake-up or a fixed-interval poll. */
const WITHIN_MS = 4_000;

/**
 * Idle relays back off their polling (ADR 0122) without delaying rows that another connection
 * writes: the outbox notifies, and the listener wakes the relay; and when the listening connection
 * is lost, the relays go back to polling at the fixed interval.
 */
describe('idle outbox relays', () => {
  let s: Scenario;
  let sql: Client;
  const relay = (): OutboxRelay => s.app.get(OutboxRelays).relay('catalog')!;
  const backedOff = async (): Promise<boolean> =>
    relay().polling.listening && relay().polling.nextPollInMs > BACKED_OFF_MS;
  /** Writes a ProbeHappened row into catalog's outbox with plain SQL, as a tool would (no hand-off, no lease). */
  const writeRow = async (label: string, dueInMs = 0): Promise<ProbeHappened> => {
    const event = new ProbeHappened({ label, n: 1 });
    const envelope = toEnvelope(event);
    await sql.query(
      `INSERT INTO catalog.outbox (id, kind, type, correlation_id, body, available_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6::int / 1000.0))`,
      [envelope.id, envelope.kind, envelope.type, envelope.correlationId, envelope.body, dueInMs],
    );
    return event;
  };

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['catalog', 'cart', 'orders'],
      extraModules: [ProbeModule],
      env: { OUTBOX_POLL_MS: String(POLL_MS), OUTBOX_LEASE_MS: '60000', OUTBOX_IDLE_POLL_MAX_MS: '60000' },
    });
    await createProbeTables(s.t.database.url);
    sql = new Client({ connectionString: s.t.database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await s?.close();
  });

  it('delivers a row another connection wrote while the relay is backed off, woken by its notification', async () => {
    await waitUntil(backedOff, 30_000);

    const event = await writeRow('written-by-a-tool');

    await s.waitForEvent(ProbeHappened, (e) => e.eventId === event.eventId, WITHIN_MS);
  });

  it('polls at the fixed interval again when the listening connection is lost', async () => {
    await waitUntil(backedOff, 30_000);

    await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'arcade:outbox-listener'`,
    );
    await waitUntil(async () => !relay().polling.listening);
    // Due a moment later: the outbox notifies of nothing, only a poll finds it.
    const event = await writeRow('found-by-a-poll', 300);

    await s.waitForEvent(ProbeHappened, (e) => e.eventId === event.eventId, WITHIN_MS);
    expect(relay().polling.listening).toBe(false);
  });
});
