import { v7 as uuidv7 } from 'uuid';
import { RequestContext } from '../../context';
import { ContractError } from './json-safety';

/** Metadata every integration event carries. */
export interface EventMetadata {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
}

const TYPE_OF = new WeakMap<Function, string>();

/** @internal Used by the contract decorators to bind a class to its type name. */
export function bindContractType(target: Function, type: string): void {
  TYPE_OF.set(target, type);
}

export function contractTypeOf(target: Function): string {
  const type = TYPE_OF.get(target);
  if (!type) throw new ContractError(`${target.name} is not a registered message contract (missing decorator)`);
  return type;
}

/** The module that owns a contract: the first segment of its type, e.g. `reviews` in `reviews.PostReview`. */
export function ownerOf(type: string): string {
  return type.split('.')[0];
}

/**
 * A request to change state, handled by exactly one module (its owner, named by the type).
 * `TResult` is the handler's reply; it must be JSON-safe too.
 */
export abstract class Command<TResult = void> {
  /** Never set: carries the result type for the bus. */
  declare readonly __result?: TResult;
}

/** A request for data, answered by its owning module without changing state. */
export abstract class Query<TResult> {
  declare readonly __result?: TResult;
}

/**
 * A fact that happened in one module, published through its outbox to every subscriber.
 * Type names are `<module>.<EventName>.v<N>`.
 */
export abstract class IntegrationEvent<TPayload> implements EventMetadata {
  readonly type: string;
  readonly eventId: string;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly payload: TPayload;

  constructor(payload: TPayload, metadata: Partial<EventMetadata> = {}) {
    const context = RequestContext.current();
    this.type = contractTypeOf(new.target);
    this.eventId = metadata.eventId ?? uuidv7();
    this.occurredAt = metadata.occurredAt ?? new Date().toISOString();
    this.correlationId = metadata.correlationId ?? context?.correlationId ?? this.eventId;
    this.causationId = metadata.causationId !== undefined ? metadata.causationId : (context?.causationId ?? null);
    this.payload = payload;
  }
}

export type ResultOf<T> = T extends Command<infer R> ? R : T extends Query<infer R> ? R : never;
