/** buildApp: the Kindred HTTP application, with every plugin, feature route and the one error handler. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { accountsRoutes } from './features/accounts/accounts.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { profilesRoutes } from './features/profiles/profiles.routes.ts';
import { meetingsRoutes } from './features/meetings/meetings.routes.ts';
import { communityRoutes } from './features/community/community.routes.ts';
import { notificationsRoutes } from './features/notifications/notifications.routes.ts';
import { recoveryRoutes } from './features/recovery/recovery.routes.ts';
import { committedCrisisModel } from './features/safety/safety.crisis-model.ts';
import { safetyRoutes } from './features/safety/safety.routes.ts';
import type { ServiceContext } from './platform/context.ts';
import { errorBody, registerErrorHandler } from './platform/error-handler.ts';
import { registerInputGuard } from './platform/input-guard.ts';
import { registerRequestGuard } from './platform/request-guard.ts';

export type AppDependencies = {
  config: Config;
  database: DatabaseHandle;
  redis?: Redis | undefined;
  /** The built web app (web/dist); served when it exists. */
  webDistDir?: string | undefined;
  logger?: boolean | object;
};

export const defaultWebDistDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The origins the finder's map loads tiles from ("https://{s}.tile.example.org" → its subdomains). */
function mapTileOrigins(tileUrl: string): string[] {
  const host = new URL(tileUrl.replace(/\{s\}/g, 'a').replace(/\{[a-z]\}/g, '0')).host;
  return tileUrl.includes('{s}') ? [`https://*.${host.split('.').slice(1).join('.')}`] : [`https://${host}`];
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  // Read now: a missing or stale crisis model stops the server here, not a member's first post.
  committedCrisisModel();
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    // Per-request log lines cost a third of the throughput; errors are still logged with their request id.
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request (a measurable cost); the error handler logs the request id itself.
    childLoggerFactory: (logger) => logger,
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: anything else is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');

  const ctx: ServiceContext = { db: deps.database.db, config, redis: deps.redis };

  registerErrorHandler(app);
  registerInputGuard(app);
  registerRequestGuard(app, {
    baseUrl: config.baseUrl,
    isHttps: config.isHttps,
    // Tile servers use {s}.host subdomains too: allow the tile host's subdomains.
    imageOrigins: mapTileOrigins(config.meetings.mapTileUrl),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kindred API',
        version: '0.1.0',
        description: 'Peer support in recovery. Every error has the body { error: { code, message, details? } }.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kindred_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(() => deps.database.ping()));
  await app.register(safetyRoutes(ctx, config.help));
  await app.register(accountsRoutes(ctx));
  await app.register(profilesRoutes(ctx));
  await app.register(recoveryRoutes(ctx));
  await app.register(meetingsRoutes(ctx));
  await app.register(communityRoutes(ctx));
  await app.register(notificationsRoutes(ctx));

  const webDistDir = deps.webDistDir;
  const indexHtmlPath = webDistDir ? path.join(webDistDir, 'index.html') : undefined;
  const hasWebApp = indexHtmlPath !== undefined && existsSync(indexHtmlPath);
  if (hasWebApp) {
    // Files are looked up per request (wildcard), so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, {
      root: webDistDir!,
      index: 'index.html',
      setHeaders: (response, filePath) => {
        // Vite fingerprints everything under assets/, so those never change.
        const isFingerprinted = filePath.includes(`${path.sep}assets${path.sep}`);
        response.header('cache-control', isFingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    if (hasWebApp && isClientRoute(request.method, request.url)) {
      // The web app decides what to show, including its own "not found".
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', 'There is nothing at this address.'));
  });

  return app;
}

/**
 * A page address the web app handles: not the API, not a file. A missing script or image
 * (say, an old chunk after a deploy) must be a 404, not index.html served as JavaScript.
 */
function isClientRoute(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const pathname = url.split('?')[0]!;
  if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/assets/')) return false;
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}
