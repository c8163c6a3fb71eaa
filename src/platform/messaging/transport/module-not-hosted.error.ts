import { ProblemException } from '../../http/problem.exception';

/** A command or query for a module that neither this process nor any reachable one hosts. */
export class ModuleNotHostedError extends ProblemException {
  constructor(
    readonly module: string,
    messageType: string,
    reason: string,
  ) {
    super({
      status: 503,
      type: 'module-unavailable',
      title: 'Module unavailable',
      detail: `The ${module} module, which handles ${messageType}, is not reachable: ${reason}.`,
      extensions: { module },
    });
  }
}
