import { Injectable } from '@nestjs/common';
import { CallViews, VersionStats } from './call-views';

export interface ViewPromptStatsInput {
  readonly name: string;
  readonly from: Date | null;
  readonly to: Date | null;
}

/** `GET /ai/prompts/:name/stats`: per version and arm. */
@Injectable()
export class ViewPromptStatsUseCase {
  constructor(private readonly calls: CallViews) {}

  execute(input: ViewPromptStatsInput): Promise<VersionStats[]> {
    return this.calls.stats(input.name, input.from, input.to);
  }
}
