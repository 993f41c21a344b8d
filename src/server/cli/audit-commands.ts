import { readFile } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import { checkpointPublicKeys, checkpointSigner, parsePublicKey, publicKeyPem } from '../crypto/audit-keys.js';
import { AuditTamperedError, parseCheckpoints, writeCheckpoint } from '../audit/checkpoints.js';
import { verifyAuditChain, type ChainVerification } from '../audit/verify-chain.js';
import type { CliCommand } from './commands.js';
import { openKeys, withDatabase } from './cli-support.js';

const BROKEN_EXIT = 4;

const WHY: Record<string, string> = {
  row_altered: 'the row was altered, inserted, or rewritten without the key',
  link_broken: 'the row before it in its chain was altered or deleted',
  unknown_key: 'it is sealed with a master key that is not in the keyring',
  checkpoint_mismatch: 'it is not the row a signed checkpoint recorded: history was rewritten',
};

function report(result: ChainVerification): number {
  if (result.ok) {
    const notes = [
      `${result.chains} chains`,
      `${result.checkpoints} signed checkpoints matched`,
      ...(result.unkeyed ? [`${result.unkeyed} events from before keyed chains carry no MAC`] : []),
    ];
    process.stdout.write(`OK: audit trail intact (${result.checked} events checked).\n${notes.join('; ')}.\n`);
    if (!result.macsChecked) {
      process.stdout.write('MACs were not checked (no key): events after the newest checkpoint are covered by their SHA-256 links only.\n');
    }
    return 0;
  }
  if (result.firstBrokenId) {
    process.stdout.write(
      `BROKEN: audit event ${result.firstBrokenId} fails verification (${WHY[result.reason ?? ''] ?? result.reason}; ${result.detail}); ${result.checked} events before it are intact.\n`,
    );
  } else if (result.reason === 'truncated') {
    process.stdout.write(`BROKEN: the audit trail was truncated: ${result.detail}.\n`);
  } else {
    process.stdout.write(`BROKEN: ${result.reason}: ${result.detail}.\n`);
  }
  return BROKEN_EXIT;
}

async function checkpointsFrom(path: string | boolean | undefined) {
  return typeof path === 'string' ? parseCheckpoints(await readFile(path, 'utf8')) : [];
}

/** A public key given inline or as a file (PEM or `ed25519:<base64>`). */
async function publicKeyFrom(value: string): Promise<string> {
  const text = await readFile(value, 'utf8').catch(() => value);
  const key = parsePublicKey(text);
  if (!key) throw new Error('--public-key is not an Ed25519 public key (print it with: sanad audit public-key).');
  return key;
}

async function verify(config: Config, values: Record<string, string | boolean | undefined>): Promise<number> {
  const checkpoints = await checkpointsFrom(values['checkpoints']);
  const publicKey = values['public-key'];
  if (typeof publicKey === 'string') {
    // Without secrets: hashes, links and checkpoints; read-only, under the caller's own database role.
    const trusted = [await publicKeyFrom(publicKey)];
    const result = await withDatabase(config, (database) => verifyAuditChain(database.pool, { publicKeys: trusted, checkpoints }), {
      migrate: false,
      applicationRole: false,
    });
    return report(result);
  }
  const result = await withDatabase(config, async (database) => verifyAuditChain(database.pool, { keyring: await openKeys(config, database), checkpoints }), {
    migrate: false,
  });
  return report(result);
}

/** `sanad audit …`: verify the trail, sign a checkpoint, print the checkpoints' public key. */
export const AUDIT_COMMANDS: CliCommand[] = [
  {
    name: 'audit verify',
    summary: 'Check every audit row, link and MAC, and the signed checkpoints',
    help:
      'sanad audit verify [--checkpoints FILE] [--public-key KEY]\n\n' +
      'Recomputes every chain of the audit trail (hash, link, sequence number and the MAC keyed by the master key),\n' +
      'then checks each signed checkpoint stored in the database and those in FILE (JSON lines, as written to\n' +
      'SANAD_AUDIT_CHECKPOINT_FILE) against the rows they name: an edited, inserted or deleted row, a history\n' +
      'rewritten without the key, and a truncated tail are found. Exit code 0 when intact, 4 when broken.\n\n' +
      'With --public-key (the key printed by "sanad audit public-key", inline or a file) no secret is needed:\n' +
      'MACs are not checked, so rows after the newest checkpoint are covered by their SHA-256 links only.',
    options: { checkpoints: { type: 'string' }, 'public-key': { type: 'string' } },
    run: verify,
  },
  {
    name: 'audit checkpoint',
    summary: 'Sign a checkpoint of the audit trail now and print it',
    help:
      'sanad audit checkpoint [--out FILE]\n\n' +
      'Signs the head (sequence number and hash) of every audit chain with the Ed25519 key derived from the\n' +
      'master key, stores the checkpoint in the database, appends it to FILE (default SANAD_AUDIT_CHECKPOINT_FILE)\n' +
      'and prints it as JSON. Keep copies outside the system. Refuses (exit code 4) when the trail no longer holds\n' +
      'what the previous checkpoint signed.',
    options: { out: { type: 'string' } },
    async run(config, values) {
      const file = typeof values['out'] === 'string' ? values['out'] : config.auditCheckpointFile;
      try {
        const checkpoint = await withDatabase(config, async (database) => writeCheckpoint(database.pool, await openKeys(config, database), { file }), { migrate: false });
        process.stdout.write(`${JSON.stringify(checkpoint)}\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof AuditTamperedError)) throw error;
        process.stdout.write(`BROKEN: ${error.message}\n`);
        return BROKEN_EXIT;
      }
    },
  },
  {
    name: 'audit public-key',
    summary: 'Print the public key that checks audit checkpoints',
    help:
      'sanad audit public-key\n\nPrints the Ed25519 public key (one line, then PEM) that verifies the signed audit checkpoints.\n' +
      'It is derived from the master key; it reveals nothing secret. Give it to whoever checks copies of the checkpoints.\n' +
      'After a key rotation, the older keys\' public keys follow.',
    options: {},
    async run(config) {
      const keyring = await withDatabase(config, (database) => openKeys(config, database), { migrate: false });
      const current = checkpointSigner(keyring).publicKey;
      process.stdout.write(`${current}\n${publicKeyPem(current)}`);
      for (const older of checkpointPublicKeys(keyring).filter((k) => k !== current)) process.stdout.write(`${older}\n`);
      return 0;
    },
  },
];
