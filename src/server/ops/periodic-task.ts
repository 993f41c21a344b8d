import type { Logger } from 'pino';

/**
 * Runs `task` every `intervalMs` (first shortly after start) on unref'd timers,
 * so it never keeps the process alive. A run never overlaps the previous one;
 * a failure is logged and the next tick tries again. Returns a stop function
 * to call before the database closes.
 */
export function startPeriodicTask(logger: Logger, name: string, intervalMs: number, task: () => Promise<void>): () => void {
  let running = false;
  let stopped = false;
  const run = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await task();
    } catch (error) {
      logger.warn({ err: error, task: name }, 'periodic task failed; will retry');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), Math.min(5_000, intervalMs));
  const timer = setInterval(() => void run(), intervalMs);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
