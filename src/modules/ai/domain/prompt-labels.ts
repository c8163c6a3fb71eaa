import { AiDomainError } from './ai-domain-error';

/**
 * Labels are named pointers from a prompt to one of its versions (Langfuse's deployment model):
 * `production`, `staging` or any custom name. Deploying and rolling back are label moves; versions
 * never change. Rules:
 * - `latest` is not stored: it always resolves to the highest version and cannot be moved by hand.
 * - protected labels (default: `production`) are moved or removed by an `admin` only.
 * - a label may split traffic: `split` sends `weightBps` basis points (1–9999 of 10 000) of sticky
 *   keys to a second version (see ab-split.ts); changing or ending a split is a move like any other.
 * - every effective move yields one audit record (who, when, from, to); a move to the same target
 *   changes nothing and records nothing, so a retried request is harmless.
 */
export interface LabelSplit {
  readonly version: number;
  /** Share of sticky keys sent to `version`, in basis points: 2500 = 25 %. */
  readonly weightBps: number;
}

export interface LabelTarget {
  readonly version: number;
  readonly split?: LabelSplit;
}

export type PromptLabels = Readonly<Record<string, LabelTarget>>;

export interface Actor {
  readonly id: string;
  readonly roles: readonly string[];
}

/** One row of the append-only label audit. `from` null = label created; `to` null = label removed. */
export interface LabelMove {
  readonly promptName: string;
  readonly label: string;
  readonly from: LabelTarget | null;
  readonly to: LabelTarget | null;
  readonly movedBy: string;
  readonly movedAt: Date;
  readonly reason?: string;
}

export interface LabelMoveRequest {
  readonly label: string;
  /** The new target, or null to remove the label. */
  readonly to: LabelTarget | null;
  readonly actor: Actor;
  readonly at: Date;
  readonly reason?: string;
}

export const LATEST_LABEL = 'latest';
export const DEFAULT_PROTECTED_LABELS: readonly string[] = ['production'];
export const ADMIN_ROLE = 'admin';
export const LABEL_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const SPLIT_WEIGHT_SCALE = 10_000;

/**
 * Applies a label move to a prompt's labels.
 * @param versions the version numbers that exist for the prompt.
 * @returns the new labels and the audit record, or `move: null` (labels unchanged) for a no-op.
 * @throws AiDomainError `invalid-label`, `reserved-label`, `protected-label`, `unknown-label`,
 *   `unknown-version`, `invalid-split`.
 */
export function moveLabel(
  promptName: string,
  labels: PromptLabels,
  versions: readonly number[],
  request: LabelMoveRequest,
  protectedLabels: readonly string[] = DEFAULT_PROTECTED_LABELS,
): { labels: PromptLabels; move: LabelMove | null } {
  const { label, to, actor } = request;
  if (label === LATEST_LABEL) {
    throw new AiDomainError('reserved-label', '"latest" always points at the newest version and cannot be moved', {
      label,
    });
  }
  if (!LABEL_NAME.test(label)) {
    throw new AiDomainError('invalid-label', `"${label}" is not a label name (a-z, 0-9, "-", "_"; at most 40)`, {
      label,
    });
  }
  if (protectedLabels.includes(label) && !actor.roles.includes(ADMIN_ROLE)) {
    throw new AiDomainError('protected-label', `"${label}" is protected: only an admin may move it`, { label });
  }
  const from = labels[label] ?? null;
  if (to === null && from === null) {
    throw new AiDomainError('unknown-label', `prompt "${promptName}" has no label "${label}"`, { label });
  }
  if (to !== null) checkTarget(to, versions);
  if (sameTarget(from, to)) return { labels, move: null };
  const next: Record<string, LabelTarget> = { ...labels };
  if (to === null) delete next[label];
  else next[label] = copyTarget(to);
  const move: LabelMove = {
    promptName,
    label,
    from,
    to: to && copyTarget(to),
    movedBy: actor.id,
    movedAt: new Date(request.at.getTime()),
    ...(request.reason?.trim() ? { reason: request.reason.trim() } : {}),
  };
  return { labels: Object.freeze(next), move: Object.freeze(move) };
}

/**
 * The target of a label; `latest` is the highest version.
 * @throws AiDomainError `unknown-label` when the label is not set (or the prompt has no version).
 */
export function resolveLabel(labels: PromptLabels, label: string, latestVersion: number): LabelTarget {
  if (label === LATEST_LABEL && latestVersion > 0) return { version: latestVersion };
  const target = labels[label];
  if (!target) throw new AiDomainError('unknown-label', `no label "${label}"`, { label });
  return target;
}

function checkTarget(target: LabelTarget, versions: readonly number[]): void {
  const missing = [target.version, target.split?.version].filter(
    (v): v is number => v !== undefined && !versions.includes(v),
  );
  if (missing.length > 0) {
    throw new AiDomainError('unknown-version', `no version ${missing.join(', ')}`, { missing });
  }
  if (!target.split) return;
  const { version, weightBps } = target.split;
  if (version === target.version) {
    throw new AiDomainError('invalid-split', 'a split needs a second, different version');
  }
  if (!Number.isSafeInteger(weightBps) || weightBps < 1 || weightBps >= SPLIT_WEIGHT_SCALE) {
    throw new AiDomainError('invalid-split', `split weight must be an integer from 1 to ${SPLIT_WEIGHT_SCALE - 1} bps`);
  }
}

function sameTarget(a: LabelTarget | null, b: LabelTarget | null): boolean {
  if (a === null || b === null) return a === b;
  return a.version === b.version && a.split?.version === b.split?.version && a.split?.weightBps === b.split?.weightBps;
}

function copyTarget(target: LabelTarget): LabelTarget {
  return Object.freeze(
    target.split
      ? {
          version: target.version,
          split: Object.freeze({ version: target.split.version, weightBps: target.split.weightBps }),
        }
      : { version: target.version },
  );
}
