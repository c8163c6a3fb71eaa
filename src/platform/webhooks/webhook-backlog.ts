import { deliverInPartitions } from '../jobs';

/** An undelivered outgoing webhook as a pass reads it. */
export interface PendingWebhook<B> {
  readonly id: string;
  readonly body: B;
  /** When it was logged, as PostgreSQL's text of the timestamptz (to the microsecond): the page cursor. */
  readonly createdAt: string;
  /** What it is about (its events are posted one after another, in order): its partition. */
  readonly partition: string;
}

/** Where a sender's outgoing webhooks are logged (a table of the sending module), and how one is sent. */
export interface WebhookBacklogStore<B> {
  /**
   * Up to `limit` events still to be tried (not delivered, attempts left), oldest first by
   * (createdAt, id), strictly after `after` when it is given.
   */
  readPage(after: { createdAt: string; id: string } | undefined, limit: number): Promise<PendingWebhook<B>[]>;
  /** Records one attempt of each event and whether it was delivered (one statement per page). */
  record(ids: readonly string[], delivered: readonly boolean[]): Promise<void>;
  /** POSTs one event; true when the receiver took it (2xx), false when it is to be tried again. Never throws. */
  post(body: B): Promise<boolean>;
}

/** Events read per page of a pass. */
const PAGE_SIZE = 500;

/**
 * The delivery passes of a module's outgoing webhooks (the sandboxes that call Arcade back as a
 * real processor or carrier would). One pass drains the backlog as it stands: pages of 500 oldest
 * first, up to `concurrency` POSTs in flight, the events of one partition one after another in the
 * order they were logged, each page's outcomes recorded in one statement; an event that fails is
 * met again on the next pass only. One pass runs at a time in this process (a call meanwhile asks
 * for one more pass, which runs when it ends): concurrent passes would each post the same backlog.
 */
export class WebhookBacklog<B> {
  private delivering: Promise<void> | undefined;
  private deliverAgain = false;

  /** `onError`: told when a pass asked for meanwhile fails (the caller's sweep tries again). */
  constructor(
    private readonly store: WebhookBacklogStore<B>,
    private readonly concurrency: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Runs a pass (or joins the one running and asks for one more); resolves when it ends. */
  deliverPending(): Promise<void> {
    if (this.delivering) {
      this.deliverAgain = true;
      return this.delivering;
    }
    this.delivering = this.pass().finally(() => {
      this.delivering = undefined;
      if (this.deliverAgain) {
        this.deliverAgain = false;
        this.deliverPending().catch(this.onError);
      }
    });
    return this.delivering;
  }

  private async pass(): Promise<void> {
    let after: { createdAt: string; id: string } | undefined;
    for (;;) {
      const rows = await this.store.readPage(after, PAGE_SIZE);
      if (rows.length === 0) return;
      const delivered = new Set<string>();
      await deliverInPartitions(
        rows,
        (row) => row.partition,
        this.concurrency,
        async (row) => {
          if (await this.store.post(row.body)) delivered.add(row.id);
        },
      );
      await this.store.record(
        rows.map((row) => row.id),
        rows.map((row) => delivered.has(row.id)),
      );
      if (rows.length < PAGE_SIZE) return;
      const last = rows[rows.length - 1];
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
}
