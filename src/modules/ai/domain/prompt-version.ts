import { AiDomainError } from './ai-domain-error';
import { PromptTemplate, templateVariables } from './prompt-template';

/**
 * An immutable, numbered version of a named prompt (Langfuse's model: every save is a new version,
 * numbered 1, 2, 3… per prompt; labels point at versions, see prompt-labels.ts). A version carries
 * everything needed to make the call, so rolling back a label rolls back the model settings too.
 */
export interface ModelSettings {
  /** Provider id as configured in the gateway, e.g. `openai`, `anthropic`, `ollama`. */
  readonly provider: string;
  /** Model name sent to the provider, e.g. `gpt-4o-mini`. */
  readonly model: string;
  /** Upper bound of output tokens (reasoning included); required, because budgets reserve on it. */
  readonly maxOutputTokens: number;
  readonly temperature?: number;
  readonly topP?: number;
}

export interface PromptVersion {
  readonly promptName: string;
  /** 1 for the first version of a name, then +1 per version; never reused. */
  readonly version: number;
  readonly template: PromptTemplate;
  /** The declared variables, sorted; equal to the set the template uses. */
  readonly variables: readonly string[];
  readonly settings: ModelSettings;
  readonly commitMessage: string;
  /** Id of the user who created the version. */
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface NewPromptVersion {
  readonly promptName: string;
  readonly template: PromptTemplate;
  readonly variables: readonly string[];
  readonly settings: ModelSettings;
  readonly commitMessage: string;
  readonly createdBy: string;
}

/** Prompt names are dotted, lower-case paths owned by a feature, e.g. `catalog.product-description`. */
export const PROMPT_NAME = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
export const PROMPT_NAME_MAX_LENGTH = 100;
export const COMMIT_MESSAGE_MAX_LENGTH = 500;

/**
 * Builds the next version of a prompt, frozen. `latestVersion` is the highest existing version number
 * of that name (0 when the name is new); the database's unique (prompt_name, version) key is what
 * makes two concurrent creations safe — the loser retries with the new latest.
 * @throws AiDomainError `invalid-prompt-version` (details.field names the field),
 *   `undeclared-variable` / `unused-variable` (details list the names), `malformed-placeholder`.
 */
export function createPromptVersion(input: NewPromptVersion, latestVersion: number, now: Date): PromptVersion {
  if (!PROMPT_NAME.test(input.promptName) || input.promptName.length > PROMPT_NAME_MAX_LENGTH) {
    invalid('promptName', `"${input.promptName}" is not a prompt name (lower-case words joined by "." or "-")`);
  }
  if (!Number.isSafeInteger(latestVersion) || latestVersion < 0) invalid('version', 'latest version must be >= 0');
  const message = input.commitMessage.trim();
  if (message === '' || message.length > COMMIT_MESSAGE_MAX_LENGTH) {
    invalid('commitMessage', `a commit message of 1 to ${COMMIT_MESSAGE_MAX_LENGTH} characters is required`);
  }
  if (input.createdBy.trim() === '') invalid('createdBy', 'the author is required');
  checkSettings(input.settings);
  const variables = checkDeclaredVariables(input.template, input.variables);
  return deepFreeze({
    promptName: input.promptName,
    version: latestVersion + 1,
    template: structuredClone(input.template),
    variables,
    settings: { ...input.settings },
    commitMessage: message,
    createdBy: input.createdBy,
    createdAt: new Date(now.getTime()),
  });
}

/** The declared set must equal the used set: an undeclared name and an unused declaration are both typos. */
function checkDeclaredVariables(template: PromptTemplate, declared: readonly string[]): string[] {
  const used = templateVariables(template);
  const declaredSet = new Set(declared);
  const undeclared = used.filter((name) => !declaredSet.has(name));
  if (undeclared.length > 0) {
    throw new AiDomainError('undeclared-variable', `the template uses undeclared ${undeclared.join(', ')}`, {
      undeclared,
    });
  }
  const usedSet = new Set(used);
  const unused = [...declaredSet].filter((name) => !usedSet.has(name)).sort();
  if (unused.length > 0) {
    throw new AiDomainError('unused-variable', `declared but not used: ${unused.join(', ')}`, { unused });
  }
  return used;
}

function checkSettings(settings: ModelSettings): void {
  if (!settings.provider?.trim()) invalid('settings.provider', 'a provider is required');
  if (!settings.model?.trim()) invalid('settings.model', 'a model is required');
  if (!Number.isSafeInteger(settings.maxOutputTokens) || settings.maxOutputTokens < 1) {
    invalid('settings.maxOutputTokens', 'maxOutputTokens must be a positive integer');
  }
  if (settings.temperature !== undefined && !(settings.temperature >= 0 && settings.temperature <= 2)) {
    invalid('settings.temperature', 'temperature must be between 0 and 2');
  }
  if (settings.topP !== undefined && !(settings.topP > 0 && settings.topP <= 1)) {
    invalid('settings.topP', 'topP must be in (0, 1]');
  }
}

function invalid(field: string, message: string): never {
  throw new AiDomainError('invalid-prompt-version', message, { field });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
