import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, Page, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { PromptVersion } from '../../domain/prompt-version';
import { PromptRepository } from '../../infrastructure/prompt.repository';
import { PromptSummary, StoredLabelMove } from './prompt-records';
import { promptNotFound } from '../ai-problems';

/** The admin's reads of the vault: prompts, their versions, and the history of their labels. */
@Injectable()
export class PromptViews {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly prompts: PromptRepository,
    @Inject(AI_CONFIG) private readonly config: AiConfig,
  ) {}

  async list(limit: number | undefined, cursor: string | undefined): Promise<Page<PromptSummary>> {
    const size = this.size(limit);
    const after = cursor === undefined ? null : (decodeCursor(cursor, { name: 'string' }).name as string);
    const names = await this.prompts.names(size + 1, after);
    const items: PromptSummary[] = [];
    for (const name of names.slice(0, size)) {
      const summary = await this.prompts.summary(this.uow.reader, name);
      if (summary) items.push(summary);
    }
    return { items, nextCursor: names.length > size ? encodeCursor({ name: names[size - 1] }) : null };
  }

  async prompt(name: string): Promise<PromptSummary> {
    return (await this.prompts.summary(this.uow.reader, name)) ?? notFound(name);
  }

  async versions(name: string, limit: number | undefined, cursor: string | undefined): Promise<Page<PromptVersion>> {
    await this.prompt(name);
    const size = this.size(limit);
    const before = cursor === undefined ? null : (decodeCursor(cursor, { version: 'integer' }).version as number);
    const rows = await this.prompts.versions(name, size + 1, before);
    const items = rows.slice(0, size);
    return { items, nextCursor: rows.length > size ? encodeCursor({ version: items[size - 1].version }) : null };
  }

  async version(name: string, version: number): Promise<PromptVersion> {
    const [found] = await this.prompts.versionsIn(this.uow.reader, name, [version]);
    if (!found) throw ProblemException.notFound(`Version ${version} of prompt "${name}"`);
    return found;
  }

  async moves(name: string, limit: number | undefined, cursor: string | undefined): Promise<Page<StoredLabelMove>> {
    await this.prompt(name);
    const size = this.size(limit);
    const before = cursor === undefined ? null : (decodeCursor(cursor, { id: 'uuid' }).id as string);
    const rows = await this.prompts.moves(name, size + 1, before);
    const items = rows.slice(0, size);
    return { items, nextCursor: rows.length > size ? encodeCursor({ id: items[size - 1].id }) : null };
  }

  private size(limit: number | undefined): number {
    return Math.min(limit ?? 50, this.config.maxPageSize);
  }
}

function notFound(name: string): never {
  throw promptNotFound(name);
}
