import { z } from 'zod';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';

/** Liveness and readiness for process supervisors and load balancers. */
export async function healthRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['ops'], response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    config: { access: 'public' },
    schema: { tags: ['ops'], response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: z.object({ status: z.literal('unavailable') }) } },
    handler: async (_request, reply) => {
      try {
        await ctx.database.pool.query('SELECT 1');
        return { status: 'ready' as const, database: ctx.database.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  });
}
