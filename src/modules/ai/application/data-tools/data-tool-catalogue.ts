import { Injectable } from '@nestjs/common';
import { GetProductFacts } from '../../../catalog';
import { GetCustomerOrders } from '../../../orders';
import { GetPaymentRiskSignals } from '../../../payments';
import {
  allContracts,
  contractEntry,
  contractTypeOf,
  DataToolActor,
  DataToolDeclaration,
  DataToolQuery,
} from '../../../../platform/messaging';
import { grantableScopes, reachOf } from '../../domain/data-tools/data-scopes';

/** A data-tool query class: built from the model's checked arguments, the acting user and the row limit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the arguments are checked against the declared parameters at run time
export type DataToolQueryClass = new (args: any, actor: DataToolActor, limit: number) => DataToolQuery<object, object>;

/**
 * The data tools AI features may use: queries in their owners' contracts that declare `dataTool`
 * (ADR 0117). Listing one here is a dependency on its owner's contracts, declared in the ai
 * descriptor (`allowedDependencies`) and checked by `npm run lint:arch`; a test fails when a module
 * declares a data tool that is not listed.
 */
export const DATA_TOOL_QUERIES: readonly DataToolQueryClass[] = [
  GetProductFacts,
  GetCustomerOrders,
  GetPaymentRiskSignals,
];

/** A data tool as the AI module knows it: the owner's declaration and the query that answers it. */
export interface DataTool extends DataToolDeclaration {
  /** The owner's query contract, e.g. `catalog.GetProductFacts`. */
  readonly queryType: string;
  readonly query: DataToolQueryClass;
  /** The module that answers it. */
  readonly owner: string;
}

/** A tool in the form the OpenAI Chat Completions API takes (`tools: [...]`). */
export interface OpenAiFunctionTool {
  readonly type: 'function';
  readonly function: {
    readonly name: string;
    readonly description: string;
    readonly parameters: Record<string, unknown>;
    readonly strict: false;
  };
}

/**
 * The data tools by name, with each owner's declaration read from its contract (scope, rows owned
 * by customers, parameters, projected fields): the owner says what its data is, AI decides who gets it.
 */
@Injectable()
export class DataToolCatalogue {
  private readonly tools: ReadonlyMap<string, DataTool>;
  private readonly commandNames: ReadonlySet<string>;

  constructor() {
    this.tools = new Map(
      DATA_TOOL_QUERIES.map((query) => {
        const entry = contractEntry(contractTypeOf(query));
        if (!entry.dataTool) throw new Error(`${entry.type} declares no dataTool`);
        return [entry.dataTool.name, { ...entry.dataTool, queryType: entry.type, query, owner: entry.owner }];
      }),
    );
    this.commandNames = new Set(
      allContracts()
        .filter((c) => c.kind === 'command')
        .map((c) => toolNameOf(c.type)),
    );
  }

  all(): DataTool[] {
    return [...this.tools.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  byName(name: string): DataTool | undefined {
    return this.tools.get(name);
  }

  /** True when `name` is a command's name in tool form (`orders.CancelOrder` → `orders_cancel_order`): a write. */
  namesACommand(name: string): boolean {
    return this.commandNames.has(name);
  }

  /** The scopes that can be granted across all tools (`orders:read:own`, `orders:read:any`, …). */
  grantableScopes(): string[] {
    return [...new Set(this.all().flatMap(grantableScopes))].sort();
  }

  /** The tools `granted` reaches, as OpenAI function tools (a model is only offered what it may call). */
  openAiToolsFor(granted: readonly string[]): OpenAiFunctionTool[] {
    return this.all()
      .filter((tool) => reachOf(granted, tool) !== null)
      .map((tool) => ({
        type: 'function',
        function: {
          name: tool.name,
          description: tool.description,
          parameters: {
            type: 'object',
            properties: tool.parameters.properties,
            required: [...(tool.parameters.required ?? [])],
            additionalProperties: false,
          },
          strict: false,
        },
      }));
  }
}

/** `orders.CancelOrder` → `orders_cancel_order`; `x.DoThing.v2` → `x_do_thing`. */
export function toolNameOf(type: string): string {
  const [module, name] = type.split('.');
  return `${module}_${name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}`;
}
