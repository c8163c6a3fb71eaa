import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../platform/messaging';
import { AiDomainError } from '../../domain/ai-domain-error';
import { Actor, LabelMove, LabelTarget, LATEST_LABEL, moveLabel, PromptLabels } from '../../domain/prompt-labels';
import { PromptTemplate } from '../../domain/prompt-template';
import { createPromptVersion, ModelSettings, PromptVersion } from '../../domain/prompt-version';
import { PromptRepository } from '../../infrastructure/prompt.repository';
import { promptNotFound } from '../ai-problems';
import { PromptCache } from './prompt-cache';
import { LabelResolution } from './prompt-records';

export interface NewVersionInput {
  readonly name: string;
  readonly description?: string;
  readonly template: PromptTemplate;
  readonly variables: readonly string[];
  readonly settings: ModelSettings;
  readonly commitMessage: string;
  /** Labels to point at the new version in the same transaction (`production` needs an admin). */
  readonly labels?: readonly string[];
  readonly actor: Actor;
}

/**
 * The prompt vault (Langfuse's model): immutable numbered versions, labels that point at them, every
 * move recorded with who and when, `latest` computed. One prompt's changes are serialised by a row
 * lock on the prompt, so concurrent saves get consecutive numbers.
 */
@Injectable()
export class PromptVault {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly prompts: PromptRepository,
    private readonly cache: PromptCache,
  ) {}

  /** Saves a new version (the prompt is created with its first), and moves the labels asked for. */
  async createVersion(input: NewVersionInput): Promise<{ version: PromptVersion; moves: LabelMove[] }> {
    const at = new Date();
    const result = await this.uow.run(async (tx) => {
      await this.prompts.lockOrCreate(tx, input.name, input.description, input.actor.id);
      const numbers = await this.prompts.versionNumbers(tx.manager, input.name);
      const version = createPromptVersion(
        {
          promptName: input.name,
          template: input.template,
          variables: input.variables,
          settings: input.settings,
          commitMessage: input.commitMessage,
          createdBy: input.actor.id,
        },
        numbers.length ? numbers[numbers.length - 1] : 0,
        at,
      );
      await this.prompts.insertVersion(tx, version);
      let labels = await this.prompts.labels(tx.manager, input.name);
      const moves: LabelMove[] = [];
      for (const label of new Set(input.labels ?? [])) {
        const result = moveLabel(input.name, labels, [...numbers, version.version], {
          label,
          to: { version: version.version },
          actor: input.actor,
          at,
          reason: `with version ${version.version}`,
        });
        labels = result.labels;
        if (result.move) {
          await this.prompts.applyMove(tx, result.move);
          moves.push(result.move);
        }
      }
      return { version, moves };
    });
    this.cache.invalidate(input.name);
    return result;
  }

  /** Moves (or with `to: null` removes) a label: deploy, roll back, start or end an A/B split. */
  async moveLabel(
    name: string,
    label: string,
    to: LabelTarget | null,
    actor: Actor,
    reason?: string,
  ): Promise<{ labels: PromptLabels; move: LabelMove | null }> {
    const result = await this.uow.run(async (tx) => {
      if (!(await this.prompts.lock(tx, name))) throw promptNotFound(name);
      const labels = await this.prompts.labels(tx.manager, name);
      const numbers = await this.prompts.versionNumbers(tx.manager, name);
      const moved = moveLabel(name, labels, numbers, { label, to, actor, at: new Date(), reason });
      if (moved.move) await this.prompts.applyMove(tx, moved.move);
      return moved;
    });
    this.cache.invalidate(name);
    return result;
  }

  /**
   * What `label` of `name` points at now, with the versions it may choose, read from the database.
   * @throws ProblemException 404 `prompt-not-found`; AiDomainError `unknown-label`.
   */
  async resolve(name: string, label: string): Promise<LabelResolution> {
    const manager = this.uow.reader;
    const summary = await this.prompts.summary(manager, name);
    if (!summary || summary.latestVersion === 0) throw promptNotFound(name);
    const target =
      label === LATEST_LABEL
        ? { version: summary.latestVersion }
        : (summary.labels[label] ?? unknownLabel(name, label));
    const numbers = [target.version, ...(target.split ? [target.split.version] : [])];
    const versions = await this.prompts.versionsIn(manager, name, numbers);
    return { name, label, target, versions };
  }
}

function unknownLabel(name: string, label: string): never {
  throw new AiDomainError('unknown-label', `prompt "${name}" has no label "${label}"`, { label });
}
