import { createHash } from 'node:crypto';
import { LabelTarget, SPLIT_WEIGHT_SCALE } from './prompt-labels';

/**
 * Sticky A/B assignment for a label that splits traffic between two versions.
 *
 * The hash (frozen: changing it would move users between arms mid-experiment):
 *   bucket = uint32_be(first 4 bytes of SHA-256(UTF-8(salt + "\u001f" + stickyKey))) mod 10 000
 * with salt = `<promptName>/<label>`, so two experiments split the same users independently.
 * A key goes to the split version when `bucket < weightBps`. Consequences:
 * - same key, same salt → same version, in every process and language (reproducible in SQL as
 *   `('x' || substr(encode(sha256(convert_to(salt || chr(31) || key, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint % 10000`);
 * - raising the weight only moves keys from the main version to the split one, never back;
 * - the modulo bias is below 3e-6 per bucket (2^32 is not a multiple of 10 000), negligible.
 * A call without a sticky key (anonymous, batch) gets the main version: deterministic, and the
 * experiment's numbers are not diluted by keys that cannot stick. Pass the correlation id as the
 * key to randomise such calls on purpose.
 */
export interface VersionChoice {
  readonly version: number;
  /** `main` = the label's version, `split` = the split's version. */
  readonly arm: 'main' | 'split';
  /** The key's bucket (0–9999), or null when no split applies or no key was given. */
  readonly bucket: number | null;
}

export function splitSalt(promptName: string, label: string): string {
  return `${promptName}/${label}`;
}

/** The key's bucket in 0…9999 for this salt (see the hash above). */
export function stickyBucket(salt: string, stickyKey: string): number {
  const digest = createHash('sha256').update(`${salt}\u001f${stickyKey}`, 'utf8').digest();
  return digest.readUInt32BE(0) % SPLIT_WEIGHT_SCALE;
}

/** Picks the version a call uses for a label target. */
export function chooseVersion(target: LabelTarget, stickyKey: string | undefined, salt: string): VersionChoice {
  if (!target.split || !stickyKey) return { version: target.version, arm: 'main', bucket: null };
  const bucket = stickyBucket(salt, stickyKey);
  return bucket < target.split.weightBps
    ? { version: target.split.version, arm: 'split', bucket }
    : { version: target.version, arm: 'main', bucket };
}
