import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointPublicKeys } from '../crypto/audit-keys.js';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { checkpointSignatureValid, parseCheckpoints, storedCheckpoints } from './checkpoints.js';
import { startAuditCheckpoints } from './checkpoint-task.js';
import { recordAuditStandalone, SYSTEM_CONTEXT } from './record-audit.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad();
});
afterAll(async () => sanad?.close());

/** Waits for a condition that a timer will make true; fails after a generous bound rather than sleeping a fixed time. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('the periodic audit checkpoint', () => {
  it('signs the chain heads on a schedule, into the database and a file outside it, and raises the alarm when the trail shrank', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sanad-offsite-')), 'audit', 'checkpoints.jsonl');
    for (let i = 0; i < 4; i += 1) await recordAuditStandalone(sanad.ctx.database.db, SYSTEM_CONTEXT, { action: 'audit.read', details: { i } });
    const { logger, lines } = capturingLogger();
    const ctx = { ...sanad.ctx, logger, config: { ...sanad.ctx.config, auditCheckpointMs: 20, auditCheckpointFile: file } };
    const stop = startAuditCheckpoints(ctx);
    try {
      await until(async () => (await readFile(file, 'utf8').catch(() => '')).length > 0);
    } finally {
      stop();
    }
    const [copied] = parseCheckpoints(await readFile(file, 'utf8'));
    expect(copied!.events).toBeGreaterThanOrEqual(4);
    expect(checkpointSignatureValid(copied!, checkpointPublicKeys(sanad.ctx.keyring))).toBe(true);
    expect((await storedCheckpoints(sanad.ctx.database.pool)).map((c) => c.signature)).toContain(copied!.signature);

    await sanad.ctx.database.asOwner(async (owner) => {
      await owner.query('SET session_replication_role = replica');
      await owner.query('DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)');
      await owner.query('SET session_replication_role = DEFAULT');
    });
    const again = startAuditCheckpoints(ctx);
    try {
      await until(async () => lines.some((l) => l.level === 50));
    } finally {
      again();
    }
    expect(lines.find((l) => l.level === 50)!.msg).toMatch(/AUDIT TRAIL TAMPERED/);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(1);
  });
});
