import { Injectable } from '@nestjs/common';
import { relative } from 'node:path';
import { AppConfig, reachableBaseUrl, redact } from '../config';
import { DatabaseTarget, migrationsAppliedAtOpen, ModuleDataSources } from '../database';
import { describeTracing, tracingSettings } from './tracing/tracing-settings';

/**
 * Lines that parts of the app want in the start-up summary, e.g. the development admin's
 * credentials (printed this once). Labels are short nouns: `admin`, `mail`.
 */
@Injectable()
export class StartupNotes {
  private readonly notes: [string, string][] = [];

  add(label: string, text: string): void {
    this.notes.push([label, text]);
  }

  all(): readonly [string, string][] {
    return [...this.notes];
  }
}

export interface StartupSummary {
  /** One line for JSON logs. */
  readonly headline: string;
  /** The same facts as label → text, in order. */
  readonly facts: Readonly<Record<string, string>>;
}

/**
 * What a person starting Arcade needs to know once it is up: where the API, its docs and health
 * are, where the database lives, what the migrations did, whether it traces (and where to), and
 * the notes of the modules.
 */
export function startupSummary(
  config: AppConfig,
  database: DatabaseTarget,
  dataSources: ModuleDataSources,
  notes: StartupNotes,
  readyMs: number,
): StartupSummary {
  const base = reachableBaseUrl(config.host, config.port);
  const facts: Record<string, string> = {
    api: base,
    docs: config.http.docsEnabled ? `${base}/docs` : 'off (DOCS_ENABLED=true serves them)',
    health: `${base}/health/ready`,
    database: describeDatabase(database),
    migrations: describeMigrations(config, dataSources),
  };
  if (config.modules) facts.modules = config.modules.join(', ');
  if (config.broker.url) facts.broker = redact(config.broker.url);
  facts.tracing = describeTracing(tracingSettings(config.source));
  for (const [label, text] of notes.all()) facts[label] = text;
  return { headline: `Arcade is ready in ${(readyMs / 1000).toFixed(1)} s on ${base}`, facts };
}

/** The summary as lines for a person at a terminal. */
export function summaryLines(summary: StartupSummary): string {
  const width = Math.max(...Object.keys(summary.facts).map((label) => label.length));
  return [
    summary.headline,
    ...Object.entries(summary.facts).map(([label, text]) => `  ${label.padEnd(width)}  ${text}`),
  ].join('\n');
}

function describeDatabase(database: DatabaseTarget): string {
  const { embedded } = database;
  if (!embedded) return `PostgreSQL at ${redact(database.url)}`;
  const how = {
    initialised: 'created now',
    started: 'started',
    shared: 'shared with another Arcade process that runs it',
    adopted: 'already running, left by an earlier run',
  }[embedded.origin];
  const dir = relative(process.cwd(), embedded.dir) || '.';
  return `embedded PostgreSQL in ${dir.startsWith('..') ? embedded.dir : dir}, port ${embedded.port} (${how})`;
}

function describeMigrations(config: AppConfig, dataSources: ModuleDataSources): string {
  if (!config.database.migrationsRun) return 'not run (MIGRATIONS_RUN=false)';
  let applied = 0;
  let known = 0;
  for (const [, dataSource] of dataSources.entries()) {
    applied += migrationsAppliedAtOpen(dataSource)?.length ?? 0;
    known += dataSource.migrations.length;
  }
  const modules = dataSources.entries().length;
  return applied === 0
    ? `up to date (${known} in ${modules} module schemas)`
    : `${applied} applied now; ${known} in ${modules} module schemas`;
}
