import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Vitest global setup of the browser tests: without Debian's Chromium they
 * cannot run, and skipping them would pass a suite that tested no page. Stop
 * with one line that says how to install it (browsers are never downloaded).
 */
export default function requireChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const message = `Browser tests need Debian's Chromium at ${CHROMIUM}: install it with "sudo apt-get install chromium" and run npm test again.`;
  process.stderr.write(`\n${message}\n\n`);
  throw new Error(message);
}
