package dev.greenroom.logging.internal;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootLoggerService;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code core.rootLogger} factory: a {@link GreenroomLogger} with base meta {@code service:
 * backstage}, redacting the config's secret values and following them when the config changes.
 */
public final class RootLoggerFactory {
  public static final Map<String, String> BASE_META = Map.of("service", "backstage");

  private RootLoggerFactory() {}

  /** The factory for the OSGi runtime: SLF4J from pax-logging, settings from the environment. */
  public static ServiceFactory<RootLoggerService> create(LogSettings settings, MetaInMdc metaInMdc) {
    return ServiceFactory.of(CoreServices.ROOT_LOGGER)
        .deps(CoreServices.ROOT_CONFIG)
        .factory(deps -> create(deps.get(CoreServices.ROOT_CONFIG), settings, metaInMdc, LoggerFactory::getLogger));
  }

  static GreenroomLogger create(
      RootConfigService config, LogSettings settings, Function<String, Logger> loggers) {
    return create(config, settings, new MetaInMdc(settings.format(), true), loggers);
  }

  static GreenroomLogger create(
      RootConfigService config, LogSettings settings, MetaInMdc metaInMdc, Function<String, Logger> loggers) {
    Redactor redactor = new Redactor(config.secretValues());
    // Lives as long as the backend: the root logger is never replaced while its config lives,
    // and a restarted backend gets a new config and a new subscription.
    config.subscribe(() -> redactor.update(config.secretValues()));
    return new GreenroomLogger(loggers, BASE_META, settings.format(), metaInMdc, redactor);
  }
}
