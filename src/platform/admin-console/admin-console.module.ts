import { Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { APP_CONFIG, AppConfig, reachableBaseUrl, redact } from '../config';
import { StartupNotes } from '../observability';
import { serveAdminConsole } from './serve-admin-console';

/**
 * The build output of the admin console: `dist/admin` beside the nearest package.json above this
 * file (the repository when run from src/ or dist/, /app in the image).
 */
export function adminConsoleDirectory(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'admin');
}

/**
 * The start-up summary's `console` line: where the console is, or why it is not there.
 * `base` is the API's URL (`http://localhost:3000`).
 */
export function describeConsole(base: string, directory: string, devServerUrl?: string): string {
  if (devServerUrl) return `${base}/admin (proxied to the Vite dev server at ${redact(devServerUrl)})`;
  if (existsSync(join(directory, 'index.html'))) return `${base}/admin`;
  return 'not built (npm run build builds it into dist/admin)';
}

/** Registers the admin console's routes on the HTTP server (none in a process without one, e.g. a CLI). */
@Injectable()
class AdminConsoleRoutes implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notes: StartupNotes,
  ) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (fastify === undefined) return;
    serveAdminConsole(fastify, {
      directory: adminConsoleDirectory(),
      devServerUrl: this.config.http.adminDevServerUrl,
      timeoutMs: this.config.gateway.timeoutMs,
    });
    const base = reachableBaseUrl(this.config.host, this.config.port);
    this.notes.add('console', describeConsole(base, adminConsoleDirectory(), this.config.http.adminDevServerUrl));
  }
}

/** The admin console at `/admin` (docs/adr/0121-admin-console.md). */
@Module({ providers: [AdminConsoleRoutes] })
export class AdminConsoleModule {}
