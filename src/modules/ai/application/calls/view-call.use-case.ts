import { Injectable } from '@nestjs/common';
import { CallView, CallViews } from './call-views';

export interface ViewCallInput {
  readonly id: string;
}

/** `GET /ai/calls/:id`: one call in full. */
@Injectable()
export class ViewCallUseCase {
  constructor(private readonly calls: CallViews) {}

  execute(input: ViewCallInput): Promise<CallView> {
    return this.calls.one(input.id);
  }
}
