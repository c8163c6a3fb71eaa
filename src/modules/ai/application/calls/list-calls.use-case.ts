import { Injectable } from '@nestjs/common';
import { Page } from '../../../../platform/http';
import { CallFilter, CallView, CallViews } from './call-views';

export interface ListCallsInput {
  readonly filter: CallFilter;
  readonly limit?: number;
  readonly cursor?: string;
}

/** `GET /ai/calls`: the call log, newest first. */
@Injectable()
export class ListCallsUseCase {
  constructor(private readonly calls: CallViews) {}

  execute(input: ListCallsInput): Promise<Page<CallView>> {
    return this.calls.list(input.filter, input.limit, input.cursor);
  }
}
