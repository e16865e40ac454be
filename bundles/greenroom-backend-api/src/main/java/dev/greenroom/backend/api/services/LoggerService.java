package dev.greenroom.backend.api.services;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A logger; plugin loggers carry the plugin id (and module id) in their metadata. Backstage's
 * {@code LoggerService} ({@code core.logger}, {@code
 * packages/backend-plugin-api/src/services/definitions/LoggerService.ts}): {@code info(message,
 * meta)} where meta is an error or a JSON object, and {@code child(meta)}.
 *
 * <p>Meta is a JSON object ({@code Map<String, ?>}, see {@link LogMeta}): its fields are added to
 * the line (top-level keys of a JSON line, {@code key=value} in a human-readable one), next to the
 * fields of the logger's own meta. An error and meta can be given together. The methods that take
 * meta have default implementations on top of the four abstract ones, so an implementation written
 * before they existed keeps working (its meta values then become strings); Greenroom's own
 * logger keeps their JSON types.
 */
@ProviderType
public interface LoggerService {
  void error(String message, Throwable error);

  void warn(String message, Throwable error);

  void info(String message, Throwable error);

  void debug(String message, Throwable error);

  default void error(String message) {
    error(message, (Throwable) null);
  }

  default void warn(String message) {
    warn(message, (Throwable) null);
  }

  default void info(String message) {
    info(message, (Throwable) null);
  }

  default void debug(String message) {
    debug(message, (Throwable) null);
  }

  /**
   * Logs {@code message} at error level with {@code meta}'s fields on the line.
   *
   * @param meta a JSON object; null or empty adds nothing
   * @since 0.2
   */
  default void error(String message, Map<String, ?> meta) {
    error(message, null, meta);
  }

  /**
   * Logs {@code message} at warn level with {@code meta}'s fields on the line.
   *
   * @param meta a JSON object; null or empty adds nothing
   * @since 0.2
   */
  default void warn(String message, Map<String, ?> meta) {
    warn(message, null, meta);
  }

  /**
   * Logs {@code message} at info level with {@code meta}'s fields on the line.
   *
   * @param meta a JSON object; null or empty adds nothing
   * @since 0.2
   */
  default void info(String message, Map<String, ?> meta) {
    info(message, null, meta);
  }

  /**
   * Logs {@code message} at debug level with {@code meta}'s fields on the line.
   *
   * @param meta a JSON object; null or empty adds nothing
   * @since 0.2
   */
  default void debug(String message, Map<String, ?> meta) {
    debug(message, null, meta);
  }

  /**
   * Logs {@code message} at error level with an error and {@code meta}'s fields on the line.
   *
   * @param error may be null
   * @param meta a JSON object; null or empty adds nothing
   * @since 0.2
   */
  default void error(String message, Throwable error, Map<String, ?> meta) {
    withMeta(meta).error(message, error);
  }

  /**
   * Logs {@code message} at warn level with an error and {@code meta}'s fields on the line.
   *
   * @param error may be null
   * @param meta a JSON object; null or empty adds nothing
   * @since 0.2
   */
  default void warn(String message, Throwable error, Map<String, ?> meta) {
    withMeta(meta).warn(message, error);
  }

  /**
   * Logs {@code message} at info level with an error and {@code meta}'s fields on the line.
   *
   * @param error may be null
   * @param meta a JSON object; null or empty adds nothing
   * @since 0.2
   */
  default void info(String message, Throwable error, Map<String, ?> meta) {
    withMeta(meta).info(message, error);
  }

  /**
   * Logs {@code message} at debug level with an error and {@code meta}'s fields on the line.
   *
   * @param error may be null
   * @param meta a JSON object; null or empty adds nothing
   * @since 0.2
   */
  default void debug(String message, Throwable error, Map<String, ?> meta) {
    withMeta(meta).debug(message, error);
  }

  /** A logger whose every line also carries {@code meta}. */
  LoggerService child(Map<String, String> meta);

  /**
   * A logger whose every line also carries {@code meta}, with its values' JSON types (numbers,
   * booleans, nested objects): Backstage's {@code child(meta: LogMeta)}. The default renders the
   * values as strings (see {@link LogMeta#toStringValues()}) for loggers that only take strings.
   *
   * @since 0.2
   */
  default LoggerService child(LogMeta meta) {
    return child(meta.toStringValues());
  }

  private LoggerService withMeta(Map<String, ?> meta) {
    return meta == null || meta.isEmpty() ? this : child(LogMeta.from(meta));
  }
}
