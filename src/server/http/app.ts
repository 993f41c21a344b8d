import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config/config.js';
import { IDENTITY_ACTIONS } from '@shared/actions.js';
import type { RouteAccess } from './access.js';
import { SHAPED_ROUTE, type AuditDeclaration } from './route.js';
import type { AppContext } from './app-context.js';
import { AppError } from './app-error.js';
import { errorBody, installErrorHandler } from './error-handler.js';
import { installAccessEnforcement } from './enforce-access.js';
import { registerApiRoutes } from './routes.js';

/** The Fastify instance with zod schemas as its type provider. */
export type ZodApp = FastifyInstance<any, any, any, any, ZodTypeProvider>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A route as registered, with the access it declared (the route-table test walks these). */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** The zod schemas the route validates its input with (the input-schema test walks them). */
  schema?: RouteOptions['schema'];
  /** What the route writes to the audit trail (the audited-read test walks these). */
  audit: AuditDeclaration | undefined;
  /** Registered through the one route shape (`http/route.ts`). */
  shaped: boolean;
}

const WEB_DIST = fileURLToPath(new URL('../../../dist/web/', import.meta.url));
// Third-party routes that serve documents or files, not data: public by nature.
const PUBLIC_PREFIXES = ['/api/docs'];
const MAX_JSON_BODY = 256 * 1024;

/** Builds the HTTP application; every route is declared with its access or the build fails. */
export async function buildApp(ctx: AppContext): Promise<{ app: ZodApp; routes: RegisteredRoute[] }> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: MAX_JSON_BODY,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    routes.push(...declaredRoutes(route));
  });

  installErrorHandler(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        // Mantine injects its CSS variables at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: ctx.config.secureCookies === 'always',
  });
  // API answers can carry identities: no browser cache or shared proxy may keep a copy. One hook, so a new
  // route cannot forget it; the documentation UI's static files under /api/docs are exempt.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', 'Too many requests; wait and try again', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  await app.register(swagger, {
    openapi: { info: { title: 'Sanad API', version: '0.1.0', description: 'National Referral Mechanism API' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installAccessEnforcement(app, ctx);
  await registerApiRoutes(app, ctx);

  const webBuilt = existsSync(WEB_DIST);
  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      // The .br/.gz copies written by scripts/compress-web.ts, chosen by the browser's Accept-Encoding.
      preCompressed: true,
      // Files under /assets/ have a content hash in their name: a browser may keep them for a year. Anything
      // else (index.html) is revalidated, so a new release reaches every user at their next page load.
      setHeaders: (reply, path) => {
        void reply.header('cache-control', /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  installNotFound(app, routes, webBuilt);
  return { app, routes };
}

/**
 * Fastify's own hop count fails closed (it trusts no hop), so a hop count is
 * given as a function: the socket peer and the next n-1 forwarded addresses are
 * proxies, and the address before them is the client. Addresses and CIDR
 * ranges go to fastify as they are.
 */
function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

/**
 * Checks one route's access declaration as it is registered. Only third-party
 * document routes and non-API (static web) routes are public without saying so;
 * any other route without a declaration stops the build.
 */
export function declaredRoutes(route: Pick<RouteOptions, 'method' | 'url' | 'config' | 'schema'>): RegisteredRoute[] {
  const url = route.url;
  if (!route.config?.access && (PUBLIC_PREFIXES.some((p) => url.startsWith(p)) || !url.startsWith('/api'))) {
    route.config = { ...route.config, access: 'public' };
  }
  const access = route.config?.access as RouteAccess | undefined;
  if (!access) throw new Error(`Route ${String(route.method)} ${url} declares no access: every route must (deny by default).`);
  const shaped = route.config?.[SHAPED_ROUTE] === true;
  const isApi = url.startsWith('/api') && !PUBLIC_PREFIXES.some((p) => url.startsWith(p));
  if (isApi && !shaped) throw new Error(`Route ${String(route.method)} ${url} was registered outside the route shape: use router.route(contract, spec) (http/route.ts).`);
  const audit = route.config?.audit;
  const reads = [route.method].flat().some((method) => method === 'GET');
  if (reads && typeof access === 'object' && IDENTITY_ACTIONS.includes(access.action) && typeof audit !== 'object') {
    throw new Error(`Route GET ${url} answers with identity-bearing content (${access.action}) but declares no audited read: give it audit: { reads, resource }.`);
  }
  return [route.method].flat().map((method) => ({ method, url, access, schema: route.schema, audit, shaped }));
}

function routePattern(url: string): RegExp {
  return new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`);
}

/** Unknown API routes answer 404, known paths with the wrong method 405, anything else the web app. */
function installNotFound(app: ZodApp, routes: RegisteredRoute[], webBuilt: boolean): void {
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api' || !webBuilt || request.method !== 'GET') {
      const allowed = routes.filter((r) => r.method !== 'HEAD' && routePattern(r.url).test(path)).map((r) => r.method);
      if (allowed.length > 0) {
        void reply.header('allow', [...new Set(allowed)].join(', '));
        return reply.status(405).send(errorBody(new AppError('METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')}`)));
      }
      return reply.status(404).send(errorBody(new AppError('NOT_FOUND', 'No such route')));
    }
    // The single-page app handles its own routes (and its own 404 page).
    return reply.type('text/html').sendFile('index.html');
  });
}
