package dev.greenroom.logging.internal;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.LogMeta;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootLoggerService;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The {@code core.rootLogger} factory: a {@link GreenroomLogger} with base meta {@code service:
 * backstage} plus {@code backend.logger.meta}, filtering at {@code LOG_LEVEL}, else {@code
 * backend.logger.level}, else info, with {@code backend.logger.overrides} (Backstage's {@code
 * rootLoggerServiceFactory}), redacting the config's secret values. Secrets and overrides follow
 * config changes.
 */
public final class RootLoggerFactory {
  public static final Map<String, String> BASE_META = Map.of("service", "backstage");

  private RootLoggerFactory() {}

  /**
   * The factory for the OSGi runtime: SLF4J from pax-logging, settings from the environment.
   * {@code threshold} hears the lowest level Greenroom's lines may pass at, so the logging backend
   * can let them through.
   */
  public static ServiceFactory<RootLoggerService> create(
      LogSettings settings, MetaInMdc metaInMdc, Consumer<Level> threshold) {
    return ServiceFactory.of(CoreServices.ROOT_LOGGER)
        .deps(CoreServices.ROOT_CONFIG)
        .factory(deps -> create(deps.get(CoreServices.ROOT_CONFIG), settings, metaInMdc, LoggerFactory::getLogger, threshold));
  }

  static GreenroomLogger create(
      RootConfigService config, LogSettings settings, Function<String, Logger> loggers) {
    return create(config, settings, new MetaInMdc(settings.format(), true), loggers);
  }

  static GreenroomLogger create(
      RootConfigService config, LogSettings settings, MetaInMdc metaInMdc, Function<String, Logger> loggers) {
    return create(config, settings, metaInMdc, loggers, level -> {});
  }

  static GreenroomLogger create(
      RootConfigService config,
      LogSettings settings,
      MetaInMdc metaInMdc,
      Function<String, Logger> loggers,
      Consumer<Level> threshold) {
    LoggerConfig loggerConfig = LoggerConfig.read(config);
    Level level = settings.levelFromEnv() ? settings.level() : loggerConfig.level().orElse(settings.level());
    LevelPolicy policy = new LevelPolicy(level, loggerConfig.overrides());
    Redactor redactor = new Redactor(config.secretValues());
    // Lives as long as the backend: the root logger is never replaced while its config lives,
    // and a restarted backend gets a new config and a new subscription.
    config.subscribe(() -> {
      redactor.update(config.secretValues());
      try {
        policy.setOverrides(LoggerConfig.overrides(config));
        threshold.accept(policy.floor());
      } catch (RuntimeException invalid) {
        // keep the overrides that were valid; the config check names the key at the next start
      }
    });
    threshold.accept(policy.floor());
    LogMeta base = LogMeta.from(BASE_META).with(loggerConfig.meta());
    return new GreenroomLogger(
        new GreenroomLogger.Shared(loggers, settings.format(), metaInMdc, redactor, policy), base);
  }
}
