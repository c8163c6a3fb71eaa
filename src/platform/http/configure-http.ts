import helmet from '@fastify/helmet';
import { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config';
import { RequestContext, RequestContextData } from '../context';
import { nameHttpSpansByRoute, registerHttpMetrics } from '../observability';
import { ProxyRoute, registerGatewayProxy } from './gateway-proxy';
import { registerInputGuard, registerJsonParser } from './input-guard';
import { documentProblems, PROBLEM_MODELS } from './openapi-problems';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
import { requestIdOf } from './request-id';
import { toProblem } from './to-problem';
import { createValidationPipe } from './validation.pipe';

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    logger: false,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdOf,
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // A URL the router cannot decode, or a path parameter past maxParamLength: problem+json too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const problem = toProblem(error, { url: request.url, requestId: String(request.id) });
      void reply
        .status(problem.status)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .header('x-request-id', request.id)
        .send(JSON.stringify(problem));
    },
  });
}

const contexts = new WeakMap<FastifyRequest, RequestContextData>();

/**
 * Everything HTTP-wide: security headers, CORS, request ids, problem+json, validation, OpenAPI
 * (unless off), and the gateway's `routes` (the URL prefixes of modules hosted elsewhere).
 */
export async function configureHttp(
  app: NestFastifyApplication,
  config: AppConfig,
  routes: readonly ProxyRoute[] = [],
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // First of all hooks: a routed request leaves before anything here reads or parses it.
  registerGatewayProxy(fastify, routes, config.gateway.timeoutMs);
  // The OpenAPI UI needs inline scripts; everything else keeps helmet's strict defaults.
  await app.register(helmet as never, { contentSecurityPolicy: false } as never);
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.http.corsOrigins],
      exposedHeaders: ['x-request-id', 'location', 'retry-after'],
    });
  }
  fastify.addHook('onRequest', (request, reply, done) => {
    const context = { correlationId: String(request.id) };
    contexts.set(request, context);
    void reply.header('x-request-id', request.id);
    RequestContext.run(context, done);
  });
  // Body parsing can leave the async context; re-enter it before the handler runs.
  fastify.addHook('preHandler', (request, _reply, done) => {
    const context = contexts.get(request);
    if (context) RequestContext.run(context, done);
    else done();
  });
  // The API speaks JSON; a text body is refused (415) rather than fed to validation as a string.
  fastify.removeContentTypeParser('text/plain');
  registerJsonParser(app, config.http.bodyLimitBytes);
  registerInputGuard(fastify);
  registerHttpMetrics(fastify);
  nameHttpSpansByRoute(fastify);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  if (config.http.docsEnabled) setUpOpenApi(app);
}

function setUpOpenApi(app: INestApplication): void {
  const document = new DocumentBuilder()
    .setTitle('Arcade')
    .setDescription('E-commerce backend: a modular monolith built for Strangler Fig extraction.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const create = () => documentProblems(SwaggerModule.createDocument(app, document, { extraModels: PROBLEM_MODELS }));
  SwaggerModule.setup('docs', app, create, {
    jsonDocumentUrl: 'docs-json',
  });
}
