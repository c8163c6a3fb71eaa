import { assertJsonSafe, ContractError } from './json-safety';
import { bindContractType, Command, IntegrationEvent, Query } from './messages';

export type ContractKind = 'command' | 'query' | 'event';

export interface ContractEntry {
  readonly kind: ContractKind;
  readonly type: string;
  readonly owner: string;
  readonly target: Function;
}

const byType = new Map<string, ContractEntry>();

const TYPE_PATTERNS: Record<ContractKind, RegExp> = {
  command: /^[a-z][a-z0-9_]*\.[A-Z][A-Za-z0-9]*$/,
  query: /^[a-z][a-z0-9_]*\.[A-Z][A-Za-z0-9]*$/,
  event: /^[a-z][a-z0-9_]*\.[A-Z][A-Za-z0-9]*\.v[1-9][0-9]*$/,
};

const BASES: Record<ContractKind, Function> = { command: Command, query: Query, event: IntegrationEvent };

function register(kind: ContractKind, type: string, target: Function, example: () => object): void {
  if (!TYPE_PATTERNS[kind].test(type)) {
    throw new ContractError(
      `${target.name}: "${type}" is not a valid ${kind} type name (e.g. ${kind === 'event' ? 'orders.OrderPlaced.v1' : 'catalog.ReserveStock'})`,
    );
  }
  if (!(target.prototype instanceof BASES[kind])) {
    throw new ContractError(`${target.name} must extend ${BASES[kind].name} to be a ${kind} contract`);
  }
  const existing = byType.get(type);
  if (existing && existing.target !== target) {
    throw new ContractError(`${type} is registered twice (${existing.target.name} and ${target.name})`);
  }
  bindContractType(target, type);
  byType.set(type, { kind, type, owner: type.split('.')[0], target });
  const instance = example();
  if (!(instance instanceof target))
    throw new ContractError(`${type}: its example must be an instance of ${target.name}`);
  assertJsonSafe(instance, type);
  const rebuilt = rebuild(type, JSON.parse(JSON.stringify(instance)));
  if (JSON.stringify(rebuilt) !== JSON.stringify(instance)) {
    throw new ContractError(`${type} does not survive a JSON round trip`);
  }
}

/**
 * Class decorators that register a contract by its type name. Each takes an example, checked
 * at once: a contract that would not survive JSON fails when its file is loaded.
 */
export function CommandContract<T extends Command<unknown>>(type: string, example: () => T) {
  return (target: Function): void => register('command', type, target, example);
}

export function QueryContract<T extends Query<unknown>>(type: string, example: () => T) {
  return (target: Function): void => register('query', type, target, example);
}

export function IntegrationEventContract<T extends IntegrationEvent<unknown>>(type: string, example: () => T) {
  return (target: Function): void => register('event', type, target, example);
}

export function contractEntry(type: string): ContractEntry {
  const entry = byType.get(type);
  if (!entry) throw new ContractError(`Unknown message type "${type}": is its contract imported?`);
  return entry;
}

export function allContracts(): ContractEntry[] {
  return [...byType.values()];
}

/** Rebuilds a message from its JSON form as an instance of its contract class. */
export function rebuild<T extends object>(type: string, json: Record<string, unknown>): T {
  const entry = contractEntry(type);
  return Object.freeze(Object.assign(Object.create(entry.target.prototype as object) as T, json));
}
