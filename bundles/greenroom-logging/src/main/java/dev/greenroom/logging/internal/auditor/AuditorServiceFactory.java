package dev.greenroom.logging.internal.auditor;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.AuditorService;

/**
 * The {@code core.auditor} factory: Backstage's {@code auditorServiceFactory}, a {@link
 * DefaultAuditorService} per plugin over the plugin's logger, its auth services and {@code
 * backend.auditor.severityLogLevelMappings}. See {@code docs/auditor.md}.
 */
public final class AuditorServiceFactory {
  private AuditorServiceFactory() {}

  public static ServiceFactory<AuditorService> create() {
    return ServiceFactory.of(CoreServices.AUDITOR)
        .deps(
            CoreServices.ROOT_CONFIG,
            CoreServices.LOGGER,
            CoreServices.AUTH,
            CoreServices.HTTP_AUTH,
            CoreServices.PLUGIN_METADATA)
        .factory(deps -> new DefaultAuditorService(
            deps.get(CoreServices.PLUGIN_METADATA).getId(),
            deps.get(CoreServices.LOGGER),
            deps.get(CoreServices.AUTH),
            deps.get(CoreServices.HTTP_AUTH),
            SeverityLogLevels.read(deps.get(CoreServices.ROOT_CONFIG))));
  }
}
