import { Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { StoredLabelMove } from './prompt-records';
import { PromptViews } from './prompt-views';

export interface ListLabelMovesInput {
  readonly name: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/** `GET /ai/prompts/:name/label-moves`: newest first. */
@Injectable()
export class ListLabelMovesUseCase {
  constructor(private readonly views: PromptViews) {}

  execute(input: ListLabelMovesInput): Promise<Page<StoredLabelMove>> {
    return this.views.moves(input.name, input.limit, input.cursor);
  }
}
