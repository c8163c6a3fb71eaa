import { Injectable } from '@nestjs/common';
import { grantableScopes } from '../../domain/data-tools/data-scopes';
import { DataToolCatalogue } from './data-tool-catalogue';
import { DataToolView } from './data-tool-grant-views';

/** The data tools modules offer: name, owner, scope, parameters and the fields a model receives. */
@Injectable()
export class ListDataToolsUseCase {
  constructor(private readonly catalogue: DataToolCatalogue) {}

  execute(): { items: DataToolView[] } {
    return {
      items: this.catalogue.all().map((tool) => ({
        name: tool.name,
        description: tool.description,
        owner: tool.owner,
        queryType: tool.queryType,
        scope: tool.scope,
        rowsOwnedBy: tool.rowsOwnedBy,
        grantableScopes: grantableScopes(tool),
        parameters: tool.parameters.properties,
        fields: tool.fields,
      })),
    };
  }
}
