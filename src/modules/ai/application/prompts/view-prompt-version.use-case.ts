import { Injectable } from '@nestjs/common';
import { PromptVersion } from '../../domain/prompt-version';
import { PromptViews } from './prompt-views';

export interface ViewPromptVersionInput {
  readonly name: string;
  readonly version: number;
}

/** `GET /ai/prompts/:name/versions/:version`. */
@Injectable()
export class ViewPromptVersionUseCase {
  constructor(private readonly views: PromptViews) {}

  execute(input: ViewPromptVersionInput): Promise<PromptVersion> {
    return this.views.version(input.name, input.version);
  }
}
