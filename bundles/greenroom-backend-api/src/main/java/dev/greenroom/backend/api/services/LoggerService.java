package dev.greenroom.backend.api.services;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** A logger; plugin loggers carry the plugin id (and module id) in their metadata. */
@ProviderType
public interface LoggerService {
  void error(String message, Throwable error);

  void warn(String message, Throwable error);

  void info(String message, Throwable error);

  void debug(String message, Throwable error);

  default void error(String message) {
    error(message, null);
  }

  default void warn(String message) {
    warn(message, null);
  }

  default void info(String message) {
    info(message, null);
  }

  default void debug(String message) {
    debug(message, null);
  }

  /** A logger whose every line also carries {@code meta}. */
  LoggerService child(Map<String, String> meta);
}
