package dev.greenroom.backend.runtime.internal.deploy;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Bundles installed from the hot-deploy folder that cannot resolve, as data first and a log line
 * second. FileInstall tries to start such a bundle on every scan and says nothing useful, so the
 * framework's silence would hide it; here each one is logged once (WARN) while it stays
 * unresolved for the same reason, and it leaves the list as soon as an observation no longer
 * contains it (it resolved, or its file was removed and the bundle uninstalled).
 *
 * <p>Plain Java: the OSGi layer observes the bundles and hands over a complete observation each
 * time ({@link #update}); what is not in it is gone.
 */
public final class UnresolvedDeploys {
  /** How the framework side words a missing requirement; what follows it is the requirement. */
  static final String MISSING = "missing requirement ";

  /**
   * One installed bundle that cannot resolve: the file it came from, the bundle as {@code <bsn>
   * <version> [<id>]}, and why, as the runtime words it ({@code bundle <b> cannot resolve: missing
   * requirement <namespace>; <filter>}).
   */
  public record Observed(String file, String bundle, String reason) {}

  private final Supplier<LoggerService> logger;
  private final LongSupplier clock;
  private Map<Observed, DeployProblemDTO> reported = Map.of();

  public UnresolvedDeploys(Supplier<LoggerService> logger, LongSupplier clock) {
    this.logger = logger;
    this.clock = clock;
  }

  /**
   * Takes a complete observation: new problems are logged once, known ones keep their DTO (and
   * its {@code at}), vanished ones are forgotten, so they are logged again if they come back.
   * Returns the problems, sorted by file.
   */
  public synchronized List<DeployProblemDTO> update(List<Observed> now) {
    Map<Observed, DeployProblemDTO> next = new LinkedHashMap<>();
    for (Observed o : now) {
      DeployProblemDTO known = reported.get(o);
      if (known == null) {
        known = toDTO(o);
        logger.get().warn(known.message());
      }
      next.put(o, known);
    }
    reported = next;
    return problems();
  }

  /** The problems of the last observation, sorted by file. */
  public synchronized List<DeployProblemDTO> problems() {
    List<DeployProblemDTO> out = new ArrayList<>(reported.values());
    out.sort(Comparator.comparing(DeployProblemDTO::file));
    return out;
  }

  private DeployProblemDTO toDTO(Observed o) {
    String message = "Unresolved " + new File(o.file()).getName() + ": " + o.reason();
    return new DeployProblemDTO(o.file(), DeployProblemDTO.ReasonCode.UNRESOLVED, o.bundle(), requirement(o.reason()),
        message, clock.getAsLong());
  }

  /** The requirement part of {@code reason}, or all of it when it is worded otherwise. */
  static String requirement(String reason) {
    int at = reason.indexOf(MISSING);
    return at < 0 ? reason : reason.substring(at + MISSING.length());
  }
}
