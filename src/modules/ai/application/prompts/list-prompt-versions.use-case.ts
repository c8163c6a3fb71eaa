import { Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { PromptVersion } from '../../domain/prompt-version';
import { PromptViews } from './prompt-views';

export interface ListPromptVersionsInput {
  readonly name: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/** `GET /ai/prompts/:name/versions`: newest first. */
@Injectable()
export class ListPromptVersionsUseCase {
  constructor(private readonly views: PromptViews) {}

  execute(input: ListPromptVersionsInput): Promise<Page<PromptVersion>> {
    return this.views.versions(input.name, input.limit, input.cursor);
  }
}
