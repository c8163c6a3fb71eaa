import { Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { PromptSummary } from './prompt-records';
import { PromptViews } from './prompt-views';

export interface ListPromptsInput {
  readonly limit?: number;
  readonly cursor?: string;
}

/** `GET /ai/prompts`: prompts by name with their labels and latest version. */
@Injectable()
export class ListPromptsUseCase {
  constructor(private readonly views: PromptViews) {}

  execute(input: ListPromptsInput): Promise<Page<PromptSummary>> {
    return this.views.list(input.limit, input.cursor);
  }
}
