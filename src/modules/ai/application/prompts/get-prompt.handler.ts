import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetPrompt, ResolvedPrompt } from '../../contracts';
import { answeringProblems } from '../ai-problems';
import { PromptResolver } from './prompt-resolver';

/** `ai.GetPrompt`: the version a label points at for this caller, from the cache (stale-while-revalidate). */
@QueryHandler(GetPrompt)
export class GetPromptHandler implements IQueryHandler<GetPrompt> {
  constructor(private readonly prompts: PromptResolver) {}

  execute(query: GetPrompt): Promise<ResolvedPrompt> {
    return answeringProblems(async () => {
      const chosen = await this.prompts.choose(query.name, query.label, query.stickyKey ?? undefined);
      const { version } = chosen;
      return {
        name: chosen.name,
        label: chosen.label,
        version: version.version,
        arm: chosen.arm,
        template: version.template,
        variables: version.variables,
        settings: version.settings,
        source: chosen.source,
      };
    });
  }
}
