package dev.greenroom.logging.internal;

import dev.greenroom.backend.api.services.LoggerService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/** A JSON-mode root logger on the real log4j2 backend, for the auditor's tests (another package). */
public final class AuditHarness {
  private final Log4jHarness out;
  private final GreenroomLogger root;

  private AuditHarness(Log4jHarness out, GreenroomLogger root) {
    this.out = out;
    this.root = root;
  }

  /** Lines at {@code level} and above, as JSON. */
  public static AuditHarness json(Path dir, String level) {
    LogSettings settings = LogSettings.fromEnv(Map.of("LOG_LEVEL", level, "NODE_ENV", "production"));
    Log4jHarness out = Log4jHarness.configure(settings, dir);
    return new AuditHarness(out, RootLoggerFactory.create(new SecretsConfig(Set.of()).service(), settings, LoggerFactory::getLogger));
  }

  /** The logger core.logger gives plugin {@code pluginId}. */
  public LoggerService pluginLogger(String pluginId) {
    return root.child(Map.of("plugin", pluginId));
  }

  public List<String> lines() throws IOException {
    return out.lines();
  }
}
