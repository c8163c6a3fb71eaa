import { Client } from 'pg';

/** One statement an Arcade module's connection sent, as the driver saw it. */
export interface CountedStatement {
  /** The module whose pool sent it (its `application_name` is `arcade:<module>`). */
  readonly module: string;
  /** The connection, to group a transaction's statements. */
  readonly connection: number;
  readonly sql: string;
  /** Rows the statement returned or touched; undefined until it settled, or when it failed. */
  rows?: number;
}

/** A module's statements and transactions in a window. */
export interface ModuleCount {
  readonly module: string;
  /** Round trips: every query sent, BEGIN and COMMIT included. */
  readonly statements: number;
  /** Explicit transactions (START TRANSACTION / BEGIN). */
  readonly transactions: number;
  /** Statements sent outside any explicit transaction (each its own transaction). */
  readonly autocommit: number;
}

const BEGIN = /^\s*(START TRANSACTION|BEGIN)\b/i;
const END = /^\s*(COMMIT|ROLLBACK)\s*$/i;
/** The outbox relay's claim (CLAIM_BATCH): an idle poll is BEGIN, a claim that finds nothing, COMMIT. */
const CLAIM = /FROM outbox\s+WHERE status = 'pending' AND available_at <= now\(\)/;

/** The relay marking delivered rows (MARK_DELIVERED): how many rows one mark covers depends on timing. */
const RELAY_MARK = /^\s*UPDATE outbox SET status = 'delivered'/;

/** Whether the statement is an outbox relay's mark of delivered rows (batched over 10 ms, so their number varies). */
export const isRelayMark = (statement: CountedStatement): boolean => RELAY_MARK.test(statement.sql);

type Query = (this: Client, ...args: unknown[]) => unknown;

/**
 * Counts the statements Arcade's module pools send through `pg` in this process, by wrapping
 * `Client.prototype.query` (one call is one round trip). Only clients whose `application_name`
 * is `<applicationName>:<module>` are counted, so a test's own probe connection is not. Idle outbox polls
 * (a claim that found nothing, with its BEGIN and COMMIT) are left out: they are background cost
 * on a timer, not part of an order.
 */
export class StatementCounter {
  /** The app's DATABASE_APPLICATION_NAME: its pools name their connections `<this>:<module>`. */
  applicationName = 'arcade';
  private original: Query | undefined;
  private recording = false;
  private statements: CountedStatement[] = [];
  private inFlight = 0;
  private lastActivity = Date.now();
  private readonly connections = new WeakMap<Client, number>();
  private nextConnection = 1;

  install(): void {
    if (this.original) return;
    const original = Client.prototype.query as unknown as Query;
    this.original = original;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const counter = this;
    (Client.prototype as unknown as { query: Query }).query = function (this: Client, ...args: unknown[]) {
      const applicationName = (this as unknown as { connectionParameters?: { application_name?: string } })
        .connectionParameters?.application_name;
      const result = original.apply(this, args);
      const prefix = `${counter.applicationName}:`;
      if (!applicationName?.startsWith(prefix)) return result;
      counter.lastActivity = Date.now();
      const first = args[0];
      const sql = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
      const statement: CountedStatement = {
        module: applicationName.slice(prefix.length),
        connection: counter.connectionOf(this),
        sql,
      };
      if (counter.recording) counter.statements.push(statement);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        counter.inFlight++;
        (result as Promise<{ rowCount?: number | null; rows?: unknown[] }>).then(
          (answer) => {
            statement.rows = answer?.rowCount ?? answer?.rows?.length ?? 0;
            counter.settled();
          },
          () => counter.settled(),
        );
      }
      return result;
    };
  }

  uninstall(): void {
    if (this.original) (Client.prototype as unknown as { query: Query }).query = this.original;
    this.original = undefined;
  }

  /** Starts a fresh window. */
  start(): void {
    this.statements = [];
    this.recording = true;
  }

  /** Ends the window; returns what it counted, idle polls left out. */
  stop(): CountedStatement[] {
    this.recording = false;
    return withoutIdlePolls(this.statements);
  }

  /** No statement of Arcade's in flight, and none sent for `quietMs`. */
  isQuiet(quietMs: number): boolean {
    return this.inFlight === 0 && Date.now() - this.lastActivity >= quietMs;
  }

  private settled(): void {
    this.inFlight--;
    this.lastActivity = Date.now();
  }

  private connectionOf(client: Client): number {
    let id = this.connections.get(client);
    if (id === undefined) {
      id = this.nextConnection++;
      this.connections.set(client, id);
    }
    return id;
  }
}

/** Drops BEGIN, an outbox claim that returned no row, COMMIT sent in a row on one connection. */
function withoutIdlePolls(statements: readonly CountedStatement[]): CountedStatement[] {
  const dropped = new Set<CountedStatement>();
  const byConnection = new Map<number, CountedStatement[]>();
  for (const statement of statements) {
    const list = byConnection.get(statement.connection) ?? [];
    list.push(statement);
    byConnection.set(statement.connection, list);
  }
  for (const list of byConnection.values()) {
    for (let i = 0; i + 2 < list.length; i++) {
      const [begin, claim, end] = [list[i], list[i + 1], list[i + 2]];
      if (BEGIN.test(begin.sql) && CLAIM.test(claim.sql) && claim.rows === 0 && END.test(end.sql)) {
        dropped.add(begin).add(claim).add(end);
      }
    }
  }
  return statements.filter((statement) => !dropped.has(statement));
}

/** Statements and transactions per module, most statements first. */
export function countByModule(statements: readonly CountedStatement[]): ModuleCount[] {
  const byModule = new Map<string, CountedStatement[]>();
  for (const statement of statements) {
    const list = byModule.get(statement.module) ?? [];
    list.push(statement);
    byModule.set(statement.module, list);
  }
  return [...byModule]
    .map(([module, list]) => {
      const open = new Set<number>();
      let transactions = 0;
      let autocommit = 0;
      for (const statement of list) {
        if (BEGIN.test(statement.sql)) {
          transactions++;
          open.add(statement.connection);
        } else if (END.test(statement.sql)) open.delete(statement.connection);
        else if (!open.has(statement.connection)) autocommit++;
      }
      return { module, statements: list.length, transactions, autocommit };
    })
    .sort((a, b) => b.statements - a.statements || a.module.localeCompare(b.module));
}

/** The statement's shape for a listing: whitespace folded, cut to `width` characters. */
export function shapeOf(sql: string, width = 110): string {
  const folded = sql.replace(/\s+/g, ' ').trim();
  return folded.length > width ? `${folded.slice(0, width - 1)}…` : folded;
}

/** A printable breakdown: per module, then each module's statement shapes with their counts. */
export function describeCount(title: string, statements: readonly CountedStatement[]): string {
  const modules = countByModule(statements);
  const total = modules.reduce(
    (sum, m) => ({
      statements: sum.statements + m.statements,
      transactions: sum.transactions + m.transactions,
      autocommit: sum.autocommit + m.autocommit,
    }),
    { statements: 0, transactions: 0, autocommit: 0 },
  );
  const marks = statements.filter(isRelayMark).length;
  const lines = [
    `${title}: ${total.statements} statements, ${total.transactions} transactions (+ ${total.autocommit} single statements outside one); ${total.statements - marks} without the relays' ${marks} marks of delivered rows`,
    ...modules.map(
      (m) =>
        `  ${m.module.padEnd(16)} ${String(m.statements).padStart(4)} statements ${String(m.transactions).padStart(3)} transactions ${String(m.autocommit).padStart(3)} single`,
    ),
  ];
  for (const m of modules) {
    const shapes = new Map<string, number>();
    for (const s of statements)
      if (s.module === m.module) shapes.set(shapeOf(s.sql), (shapes.get(shapeOf(s.sql)) ?? 0) + 1);
    lines.push(`  -- ${m.module}`);
    for (const [shape, n] of [...shapes].sort((a, b) => b[1] - a[1]))
      lines.push(`    ${String(n).padStart(3)} × ${shape}`);
  }
  return lines.join('\n');
}
