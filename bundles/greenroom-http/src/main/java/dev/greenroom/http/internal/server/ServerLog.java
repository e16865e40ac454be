package dev.greenroom.http.internal.server;

/** Where this package's few lines go: the root HTTP router's logger, or greenroom-config's. */
public interface ServerLog {
  void info(String message);

  void warn(String message);
}
