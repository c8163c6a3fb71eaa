import { DataToolDeclaration, dataToolProblems, DataToolQuery } from './data-tool';
import { assertJsonSafe, ContractError } from './json-safety';
import { bindContractType, Command, IntegrationEvent, Query } from './messages';

export type ContractKind = 'command' | 'query' | 'event';

export interface ContractEntry {
  readonly kind: ContractKind;
  readonly type: string;
  readonly owner: string;
  readonly target: Function;
  /** Builds the contract's example (checked at registration; shown in the generated docs). */
  readonly example: () => object;
  /** What a message of this contract is about (its ordering key), when the contract declares it. */
  readonly key?: (message: object) => string | null | undefined;
  /** The data tool this query offers to AI features, when it is one (see data-tool.ts). */
  readonly dataTool?: DataToolDeclaration;
}

/** Options of a query contract. */
export interface QueryContractOptions {
  /**
   * Offers the query to AI features as a data tool (the class must extend `DataToolQuery`); the
   * declaration is checked when the file loads and its name must be unique.
   */
  readonly dataTool?: DataToolDeclaration;
}

/** Options of a contract that travels through an outbox (commands sent with `tx.send`, events). */
export interface OutboxContractOptions<T> {
  /**
   * What a message is about, e.g. `(e) => e.payload.reviewId`: the relay delivers messages of one
   * outbox that share a key in the order they were written, and messages with different keys in
   * parallel. A contract without a key (or a message whose key is null or empty) is ordered with
   * the other messages of its type. It must give a non-empty string for the contract's example.
   * Spring Modulith's `@Externalized("target::#{key}")` plays the same part.
   */
  readonly key?: (message: T) => string | null | undefined;
}

const byType = new Map<string, ContractEntry>();

/**
 * Type names. A command or query is version 1 without a suffix; a breaking change publishes the
 * next version beside it, `reviews.PostReview.v2` (docs/changing-a-contract.md). Events always
 * carry their version.
 */
const TYPE_PATTERNS: Record<ContractKind, RegExp> = {
  command: /^[a-z][a-z0-9_]*\.[A-Z][A-Za-z0-9]*(\.v([2-9]|[1-9][0-9]+))?$/,
  query: /^[a-z][a-z0-9_]*\.[A-Z][A-Za-z0-9]*(\.v([2-9]|[1-9][0-9]+))?$/,
  event: /^[a-z][a-z0-9_]*\.[A-Z][A-Za-z0-9]*\.v[1-9][0-9]*$/,
};

const BASES: Record<ContractKind, Function> = { command: Command, query: Query, event: IntegrationEvent };

function register(
  kind: ContractKind,
  type: string,
  target: Function,
  example: () => object,
  key?: (message: object) => string | null | undefined,
  dataTool?: DataToolDeclaration,
): void {
  if (!TYPE_PATTERNS[kind].test(type)) {
    throw new ContractError(
      `${target.name}: "${type}" is not a valid ${kind} type name (e.g. ${kind === 'event' ? 'reviews.ReviewPosted.v1' : 'reviews.PostReview'})`,
    );
  }
  if (!(target.prototype instanceof BASES[kind])) {
    throw new ContractError(`${target.name} must extend ${BASES[kind].name} to be a ${kind} contract`);
  }
  const existing = byType.get(type);
  if (existing && existing.target !== target) {
    throw new ContractError(`${type} is registered twice (${existing.target.name} and ${target.name})`);
  }
  if (dataTool) checkDataTool(type, target, dataTool);
  bindContractType(target, type);
  byType.set(type, {
    kind,
    type,
    owner: type.split('.')[0],
    target,
    example,
    ...(key ? { key } : {}),
    ...(dataTool ? { dataTool } : {}),
  });
  const instance = example();
  if (!(instance instanceof target))
    throw new ContractError(`${type}: its example must be an instance of ${target.name}`);
  assertJsonSafe(instance, type);
  const rebuilt = rebuild(type, JSON.parse(JSON.stringify(instance)));
  if (JSON.stringify(rebuilt) !== JSON.stringify(instance)) {
    throw new ContractError(`${type} does not survive a JSON round trip`);
  }
  const exampleKey = key?.(instance);
  if (key && (typeof exampleKey !== 'string' || exampleKey.length === 0)) {
    throw new ContractError(
      `${type}: its key must give a non-empty string for its example (got ${String(exampleKey)})`,
    );
  }
}

/**
 * Class decorators that register a contract by its type name. Each takes an example, checked
 * at once: a contract that would not survive JSON fails when its file is loaded.
 */
export function CommandContract<T extends Command<unknown>>(
  type: string,
  example: () => T,
  options: OutboxContractOptions<T> = {},
) {
  return (target: Function): void => register('command', type, target, example, options.key as ContractEntry['key']);
}

export function QueryContract<T extends Query<unknown>>(
  type: string,
  example: () => T,
  options: QueryContractOptions = {},
) {
  return (target: Function): void => register('query', type, target, example, undefined, options.dataTool);
}

export function IntegrationEventContract<T extends IntegrationEvent<unknown>>(
  type: string,
  example: () => T,
  options: OutboxContractOptions<T> = {},
) {
  return (target: Function): void => register('event', type, target, example, options.key as ContractEntry['key']);
}

export function contractEntry(type: string): ContractEntry {
  const entry = byType.get(type);
  if (!entry) throw new ContractError(`Unknown message type "${type}": is its contract imported?`);
  return entry;
}

export function allContracts(): ContractEntry[] {
  return [...byType.values()];
}

/** The queries offered as data tools, by tool name. */
export function dataToolContracts(): ContractEntry[] {
  return [...byType.values()].filter((entry) => entry.dataTool !== undefined);
}

function checkDataTool(type: string, target: Function, tool: DataToolDeclaration): void {
  const problems = dataToolProblems(tool);
  if (!(target.prototype instanceof DataToolQuery)) problems.push(`${target.name} must extend DataToolQuery`);
  const owner = type.split('.')[0];
  if (!tool.scope.startsWith(`${owner}:`)) problems.push(`its scope must start with "${owner}:"`);
  if (!tool.name.startsWith(`${owner}_`)) problems.push(`its tool name must start with "${owner}_"`);
  const taken = [...byType.values()].find((e) => e.dataTool?.name === tool.name && e.type !== type);
  if (taken) problems.push(`the tool name "${tool.name}" is taken by ${taken.type}`);
  if (problems.length) throw new ContractError(`${type}: ${problems.join('; ')}`);
}

/**
 * The ordering key of a message in its JSON form (see {@link OutboxContractOptions.key}), or
 * undefined when its contract declares none, is not loaded here, or gives no key for it.
 */
export function orderingKeyOf(type: string, json: Record<string, unknown>): string | undefined {
  const entry = byType.get(type);
  if (!entry?.key) return undefined;
  try {
    const key = entry.key(rebuild(type, json));
    return typeof key === 'string' && key.length > 0 ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Rebuilds a message from its JSON form as an instance of its contract class. */
export function rebuild<T extends object>(type: string, json: Record<string, unknown>): T {
  const entry = contractEntry(type);
  return Object.freeze(Object.assign(Object.create(entry.target.prototype as object) as T, json));
}
