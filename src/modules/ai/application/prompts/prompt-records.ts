import { LabelMove, LabelTarget, PromptLabels } from '../../domain/prompt-labels';
import { PromptVersion } from '../../domain/prompt-version';

/** A prompt as the admin views list it. */
export interface PromptSummary {
  readonly name: string;
  readonly description: string;
  /** What `latest` resolves to (0: no version yet). */
  readonly latestVersion: number;
  readonly labels: PromptLabels;
  readonly createdAt: Date;
}

/** A stored label move, with its id (UUIDv7: time order). */
export type StoredLabelMove = LabelMove & { readonly id: string };

/** What a label of a prompt resolves to, with every version it may choose (the cache keeps this). */
export interface LabelResolution {
  readonly name: string;
  readonly label: string;
  readonly target: LabelTarget;
  readonly versions: readonly PromptVersion[];
}
