import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Keyring, MasterKey } from './keyring.js';

// Each purpose gets its own key derived (HKDF) from the master key, never the
// encryption key itself, and none of them is ever written to the database.
const CHAIN_MAC_LABEL = 'sanad audit chain mac v1';
const CHECKPOINT_SIGNING_LABEL = 'sanad audit checkpoint ed25519 v1';
// DER headers that wrap a raw 32-byte Ed25519 seed (PKCS#8) or public key (SPKI).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Signs audit checkpoints; the public key can be given to anyone who checks them. */
export interface CheckpointSigner {
  /** Id of the master key it is derived from (the same id the ciphertexts carry). */
  keyId: string;
  privateKey: KeyObject;
  /** `ed25519:<base64 of the raw 32-byte key>`. */
  publicKey: string;
}

interface DerivedKeys {
  mac: Buffer;
  signer: CheckpointSigner;
}

const derivedByMaster = new WeakMap<MasterKey, DerivedKeys>();

function derive(master: MasterKey, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), label, 32));
}

function derivedKeys(master: MasterKey): DerivedKeys {
  let keys = derivedByMaster.get(master);
  if (!keys) {
    const seed = derive(master, CHECKPOINT_SIGNING_LABEL);
    const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    const publicKey = `ed25519:${spki.subarray(ED25519_SPKI_PREFIX.length).toString('base64')}`;
    keys = { mac: derive(master, CHAIN_MAC_LABEL), signer: { keyId: master.id, privateKey, publicKey } };
    derivedByMaster.set(master, keys);
  }
  return keys;
}

/** The key that seals new audit rows: derived from the current master key, with that key's id. */
export function currentAuditMacKey(keyring: Keyring): { keyId: string; key: Buffer } {
  return { keyId: keyring.current.id, key: derivedKeys(keyring.current).mac };
}

/** The key that sealed rows marked `keyId`, or null when that master key is not in the keyring. */
export function auditMacKey(keyring: Keyring, keyId: string): Buffer | null {
  const master = keyring.byId.get(keyId);
  return master ? derivedKeys(master).mac : null;
}

/** The signer of new checkpoints (from the current master key). */
export function checkpointSigner(keyring: Keyring): CheckpointSigner {
  return derivedKeys(keyring.current).signer;
}

/** The public keys of every master key in the keyring, so checkpoints signed before a rotation still verify. */
export function checkpointPublicKeys(keyring: Keyring): string[] {
  return [...keyring.byId.values()].map((master) => derivedKeys(master).signer.publicKey);
}

function publicKeyObject(publicKey: string): KeyObject | null {
  const raw = Buffer.from(publicKey.replace(/^ed25519:/, ''), 'base64');
  if (raw.length !== 32) return null;
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** A public key in PEM (SPKI), for `openssl pkeyutl -verify` and other tools. */
export function publicKeyPem(publicKey: string): string {
  const key = publicKeyObject(publicKey);
  if (!key) throw new Error('not an Ed25519 public key (expected ed25519:<base64 of 32 bytes>)');
  return key.export({ format: 'pem', type: 'spki' }).toString();
}

/** Reads `ed25519:<base64>`, bare base64 or a PEM block; null when it is none of these. */
export function parsePublicKey(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    try {
      const spki = createPublicKey(trimmed).export({ format: 'der', type: 'spki' });
      return `ed25519:${spki.subarray(ED25519_SPKI_PREFIX.length).toString('base64')}`;
    } catch {
      return null;
    }
  }
  const candidate = trimmed.startsWith('ed25519:') ? trimmed : `ed25519:${trimmed}`;
  return publicKeyObject(candidate) ? candidate : null;
}

/** Ed25519 signature of `message`, base64. */
export function signMessage(signer: CheckpointSigner, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), signer.privateKey).toString('base64');
}

/** Whether `signature` is `publicKey`'s Ed25519 signature of `message`. */
export function verifyMessage(publicKey: string, message: string, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  if (!key) return false;
  try {
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
