import { DynamicModule, Injectable, Module } from '@nestjs/common';
import { Logger, LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config';
import { RequestContext } from '../context';
import { activeTraceFields } from './tracing';

/** Nest's own start-up chatter (one line per module, route and controller): debug, not info. */
const BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** The application logger: nestjs-pino's, with Nest's start-up lines moved down to `debug`. */
@Injectable()
export class AppLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}

type Request = IncomingMessage & { originalUrl?: string };

/** Whether human-readable logs can be had: pino-pretty is a development dependency. */
function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Structured logs: JSON lines (the production default), or pino-pretty's readable lines
 * (LOG_PRETTY; the default in development on a terminal). Every line of a request carries its
 * request (correlation) id; a request is logged once, as method, path, status and time, never
 * with its headers.
 */
@Module({})
export class LoggerModule {
  static forRoot(config: AppConfig): DynamicModule {
    const pretty = config.log.pretty && prettyAvailable();
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRoot({
          pinoHttp: {
            level: config.log.level,
            transport: pretty
              ? {
                  target: 'pino-pretty',
                  options: {
                    translateTime: 'SYS:HH:MM:ss.l',
                    ignore: 'pid,hostname,context,req,res,reqId,responseTime,correlationId,causationId,traceId,spanId',
                    messageFormat: '{if context}[{context}] {end}{msg}',
                  },
                }
              : undefined,
            genReqId: (request: IncomingMessage) => request.id ?? 'unknown',
            quietReqLogger: true,
            serializers: {
              req: (request: Request) => ({ id: request.id, method: request.method, url: request.url }),
              res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
            },
            customSuccessMessage: (request: Request, response: ServerResponse, ms: number) =>
              `${request.method} ${request.originalUrl ?? request.url} ${response.statusCode} ${Math.round(ms)} ms`,
            customErrorMessage: (request: Request, response: ServerResponse) =>
              `${request.method} ${request.originalUrl ?? request.url} ${response.statusCode}`,
            // Middleware mounting may rewrite `url`; `originalUrl` is what the client asked for.
            autoLogging: {
              ignore: (request: Request) => /^\/(health|metrics)/.test(request.originalUrl ?? request.url ?? ''),
            },
            // With tracing on, every line also names its trace and span (ADR 0119).
            mixin: () => {
              const context = RequestContext.current();
              const ids = context ? { correlationId: context.correlationId, causationId: context.causationId } : {};
              return { ...ids, ...activeTraceFields() };
            },
          },
          forRoutes: ['*path'],
        }),
      ],
      providers: [AppLogger],
      exports: [AppLogger],
    };
  }
}
