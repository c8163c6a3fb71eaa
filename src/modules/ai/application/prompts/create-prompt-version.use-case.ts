import { Injectable } from '@nestjs/common';
import { LabelMove } from '../../domain/prompt-labels';
import { PromptVersion } from '../../domain/prompt-version';
import { answeringProblems } from '../ai-problems';
import { NewVersionInput, PromptVault } from './prompt-vault';

export type CreatePromptVersionInput = NewVersionInput;

/** `POST /ai/prompts`: a new immutable version, and the labels moved with it. */
@Injectable()
export class CreatePromptVersionUseCase {
  constructor(private readonly vault: PromptVault) {}

  execute(input: CreatePromptVersionInput): Promise<{ version: PromptVersion; moves: LabelMove[] }> {
    return answeringProblems(() => this.vault.createVersion(input));
  }
}
