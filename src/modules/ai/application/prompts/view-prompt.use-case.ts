import { Injectable } from '@nestjs/common';
import { PromptSummary } from './prompt-records';
import { PromptViews } from './prompt-views';

export interface ViewPromptInput {
  readonly name: string;
}

/** `GET /ai/prompts/:name`. */
@Injectable()
export class ViewPromptUseCase {
  constructor(private readonly views: PromptViews) {}

  execute(input: ViewPromptInput): Promise<PromptSummary> {
    return this.views.prompt(input.name);
  }
}
