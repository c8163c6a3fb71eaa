import { BUSINESS_MODULES, MODULE_NAMES } from './business-modules';
import { AppConfig, ConfigError } from './platform/config';
import { ProxyRoute } from './platform/http';

/**
 * `GATEWAY_ROUTES` resolved: every URL prefix of each named module (its descriptor's
 * `urlPrefixes`), to the process that hosts it. Throws a one-line ConfigError for a name that is no
 * registered module (naming the module whose URL prefix it is, when it is one) and for a module
 * this process hosts itself, whose requests would never reach it.
 */
export function gatewayRoutes(config: AppConfig, hosted: readonly string[]): ProxyRoute[] {
  return config.gateway.routes.flatMap(({ module, upstream }) => {
    if (!MODULE_NAMES.includes(module)) {
      const owner = MODULE_NAMES.find((name) => BUSINESS_MODULES[name].descriptor.urlPrefixes.includes(module));
      const hint = owner ? `"${module}" is the URL prefix of ${owner}: route ${owner}=…; ` : '';
      throw new ConfigError(
        'GATEWAY_ROUTES',
        `names an unknown module "${module}" (${hint}known: ${MODULE_NAMES.join(', ')})`,
      );
    }
    if (hosted.includes(module)) {
      throw new ConfigError(
        'GATEWAY_ROUTES',
        `routes ${module} to ${upstream}, but this process hosts ${module} too (leave it out of MODULES)`,
      );
    }
    return BUSINESS_MODULES[module].descriptor.urlPrefixes.map((prefix) => ({ prefix, upstream }));
  });
}
