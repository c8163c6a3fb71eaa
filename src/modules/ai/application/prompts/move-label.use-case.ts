import { Injectable } from '@nestjs/common';
import { Actor, LabelMove, LabelTarget, PromptLabels } from '../../domain/prompt-labels';
import { answeringProblems } from '../ai-problems';
import { PromptVault } from './prompt-vault';

export interface MoveLabelInput {
  readonly name: string;
  readonly label: string;
  /** The new target; null removes the label. */
  readonly to: LabelTarget | null;
  readonly actor: Actor;
  readonly reason?: string;
}

/** `PUT/DELETE /ai/prompts/:name/labels/:label`: deploy, roll back, split, remove (recorded). */
@Injectable()
export class MoveLabelUseCase {
  constructor(private readonly vault: PromptVault) {}

  execute(input: MoveLabelInput): Promise<{ labels: PromptLabels; move: LabelMove | null }> {
    return answeringProblems(() => this.vault.moveLabel(input.name, input.label, input.to, input.actor, input.reason));
  }
}
