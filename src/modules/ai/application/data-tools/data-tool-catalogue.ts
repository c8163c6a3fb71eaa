import { Injectable } from '@nestjs/common';
import { allContracts, dataToolContracts, DataToolDeclaration } from '../../../../platform/messaging';
import { grantableScopes, reachOf } from '../../domain/data-tools/data-scopes';

/** A data tool as the AI module knows it: the owner's declaration and the query type that answers it. */
export interface DataTool extends DataToolDeclaration {
  /** The owner's query contract, e.g. `catalog.GetProductFacts`. */
  readonly queryType: string;
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
 * The data tools of this deployment, learned from the contract registry: every query contract that
 * declares `dataTool` (ADR XDATA). The AI module imports no owner: it knows a tool by its declaration
 * and sends its query by type name, so an owner that itself asks AI for completions makes no cycle.
 * Every process loads every module's contracts, so the catalogue is the same wherever AI runs.
 */
@Injectable()
export class DataToolCatalogue {
  private readonly tools: ReadonlyMap<string, DataTool>;
  private readonly commandNames: ReadonlySet<string>;

  constructor() {
    this.tools = new Map(
      dataToolContracts().map((entry) => [
        entry.dataTool!.name,
        { ...entry.dataTool!, queryType: entry.type, owner: entry.owner },
      ]),
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
