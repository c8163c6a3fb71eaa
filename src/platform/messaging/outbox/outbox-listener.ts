import { Logger } from '@nestjs/common';
import { Client, Notification } from 'pg';
import { messageOf } from '../../errors';
import { OUTBOX_CHANNEL } from './messaging-tables';

/** What the listener needs of a module's relay. */
export interface OutboxWakeable {
  readonly module: string;
  /** Rows of this module's outbox became due (another connection committed them). */
  notified(): void;
  /** Whether NOTIFYs reach the relay from now on (false: it polls at the fixed interval). */
  setListening(listening: boolean): void;
}

/** At most one wake per module per this many ms; NOTIFYs meanwhile cause one more wake at its end. */
const DEBOUNCE_MS = 20;

/** The schemas (modules) among $1 whose outbox has the notify trigger (its migration applied). */
const NOTIFYING_SCHEMAS = `
  SELECT n.nspname AS schema
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE t.tgname = 'outbox_notify' AND c.relname = 'outbox' AND n.nspname = ANY($1::text[])`;

/**
 * One `LISTEN` connection per database for the relays of every module in it (ADR 0122): a
 * notification names the module whose outbox got rows due now, and wakes its relay (debounced:
 * a burst of commits costs one pass, plus one at the end of the burst). While it listens, a relay
 * may back off its polling when idle; when the connection cannot be opened, is refused or is lost,
 * every relay goes back to polling at the fixed interval (logged once per outage), and the listener
 * tries again every `retryMs`. A relay whose outbox lacks the trigger (its migration not applied)
 * is never told it listens.
 */
export class OutboxListener {
  private readonly logger = new Logger('OutboxListener');
  private readonly relays: ReadonlyMap<string, OutboxWakeable>;
  private readonly debounces = new Map<string, { timer: NodeJS.Timeout; again: boolean }>();
  /** The connection being opened or open; events of any other (an earlier, lost one) are ignored. */
  private attempt: Client | undefined;
  /** The connection once it listens. */
  private client: Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failing = false;
  private readonly unnotifying = new Set<string>();

  /**
   * `url`: a connection URL to the database (any module's: LISTEN needs no privilege);
   * `relays`: the relays of the modules in that database; `retryMs`: delay between attempts to listen again;
   * `applicationName`: the first part of the connection's `application_name` (DATABASE_APPLICATION_NAME).
   */
  constructor(
    private readonly url: string,
    relays: readonly OutboxWakeable[],
    private readonly retryMs: number,
    private readonly applicationName = 'arcade',
  ) {
    this.relays = new Map(relays.map((relay) => [relay.module, relay]));
  }

  /** Whether the connection is open and listening. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Connects and listens; never rejects (a failure falls back to polling and is retried). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    for (const { timer } of this.debounces.values()) clearTimeout(timer);
    this.debounces.clear();
    const client = this.attempt;
    this.attempt = undefined;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.url,
      application_name: `${this.applicationName}:outbox-listener`,
      keepAlive: true,
    });
    this.attempt = client;
    // Without a listener, an 'error' event (the server went away) would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection closed')));
    try {
      await client.connect();
      client.on('notification', (notification: Notification) => this.onNotification(notification));
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      const { rows } = await client.query<{ schema: string }>(NOTIFYING_SCHEMAS, [[...this.relays.keys()]]);
      if (this.stopped || this.attempt !== client) return void (await client.end().catch(() => undefined));
      this.client = client;
      if (this.failing) this.logger.log(`listening on ${OUTBOX_CHANNEL} again: idle outbox relays back off`);
      this.failing = false;
      const notifying = new Set(rows.map((row) => row.schema));
      for (const relay of this.relays.values()) {
        if (notifying.has(relay.module)) relay.setListening(true);
        else this.warnUnnotifying(relay.module);
      }
    } catch (error) {
      this.lost(client, error);
      await client.end().catch(() => undefined);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.stopped || this.attempt !== client) return;
    const wasListening = this.client === client;
    this.attempt = undefined;
    this.client = undefined;
    client.removeAllListeners('notification');
    if (wasListening) for (const relay of this.relays.values()) relay.setListening(false);
    if (!this.failing) {
      this.failing = true;
      this.logger.warn(
        `cannot listen on ${OUTBOX_CHANNEL} (${messageOf(error)}): outbox relays poll at the fixed interval until it works again`,
      );
    }
    if (this.retryTimer === undefined) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (!this.stopped) void this.connect();
      }, this.retryMs);
      this.retryTimer.unref();
    }
  }

  private warnUnnotifying(module: string): void {
    if (this.unnotifying.has(module)) return;
    this.unnotifying.add(module);
    this.logger.warn(
      `${module}'s outbox does not notify (migration OutboxNotify not applied): its relay keeps polling`,
    );
  }

  private onNotification(notification: Notification): void {
    const module = notification.payload ?? '';
    const relay = this.relays.get(module);
    if (!relay || this.stopped) return;
    const debounce = this.debounces.get(module);
    if (debounce) {
      debounce.again = true;
      return;
    }
    relay.notified();
    this.armDebounce(module, relay);
  }

  private armDebounce(module: string, relay: OutboxWakeable): void {
    const entry = {
      again: false,
      timer: setTimeout(() => {
        this.debounces.delete(module);
        if (entry.again && !this.stopped) {
          relay.notified();
          this.armDebounce(module, relay);
        }
      }, DEBOUNCE_MS),
    };
    entry.timer.unref();
    this.debounces.set(module, entry);
  }
}
