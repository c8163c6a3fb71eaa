import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from '../config';
import { RequestContext } from '../context';

/** Structured JSON logs; every line of a request carries its request (correlation) id. */
@Module({})
export class LoggerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRoot({
          pinoHttp: {
            level: config.log.level,
            transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
            genReqId: (request: IncomingMessage) => (request as IncomingMessage & { id?: string }).id ?? 'unknown',
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]'],
            // Middleware mounting may rewrite `url`; `originalUrl` is what the client asked for.
            autoLogging: {
              ignore: (request: IncomingMessage & { originalUrl?: string }) =>
                /^\/(health|metrics)/.test(request.originalUrl ?? request.url ?? ''),
            },
            mixin: () => {
              const context = RequestContext.current();
              return context ? { correlationId: context.correlationId, causationId: context.causationId } : {};
            },
          },
          forRoutes: ['*path'],
        }),
      ],
    };
  }
}
