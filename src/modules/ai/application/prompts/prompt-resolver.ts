import { Injectable } from '@nestjs/common';
import { chooseVersion, splitSalt } from '../../domain/ab-split';
import { PromptVersion } from '../../domain/prompt-version';
import { PromptCache } from './prompt-cache';
import { PromptVault } from './prompt-vault';

export interface ChosenPrompt {
  readonly name: string;
  readonly label: string;
  readonly version: PromptVersion;
  readonly arm: 'main' | 'split';
  readonly source: 'vault' | 'cache' | 'stale';
}

/** A label's live version for one caller: through the cache, with the sticky A/B split applied. */
@Injectable()
export class PromptResolver {
  constructor(
    private readonly vault: PromptVault,
    private readonly cache: PromptCache,
  ) {}

  async choose(name: string, label: string, stickyKey?: string): Promise<ChosenPrompt> {
    const { resolution, source } = await this.cache.get(name, label, () => this.vault.resolve(name, label));
    const choice = chooseVersion(resolution.target, stickyKey, splitSalt(name, label));
    const version = resolution.versions.find((v) => v.version === choice.version);
    if (!version) throw new Error(`prompt ${name} version ${choice.version} missing from its resolution`);
    return { name, label, version, arm: choice.arm, source };
  }
}
