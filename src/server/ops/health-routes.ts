import { sql } from 'drizzle-orm';
import { opsApi } from '@shared/api/auth.js';
import { AnswerWith, type Router } from '../http/route.js';

/** Liveness and readiness for process supervisors and load balancers. */
export function healthRoutes(router: Router): void {
  router.route(opsApi.live, {
    access: 'public',
    audit: 'no-content',
    steps: true,
    handler: async () => ({ status: 'ok' as const }),
  });

  // A step, not the usual transaction: when the database is down, the probe must answer 503, not fail.
  router.route(opsApi.ready, {
    access: 'public',
    audit: 'no-content',
    steps: true,
    handler: async ({ transaction, services }) => {
      try {
        await transaction((tx) => tx.execute(sql`SELECT 1`));
        return { status: 'ready' as const, database: services.databaseKind };
      } catch {
        return new AnswerWith(503, { status: 'unavailable' });
      }
    },
  });
}
