package dev.greenroom.backend.runtime.internal.live;

import dev.greenroom.backend.api.spi.RegistrationsFeature;
import java.util.Comparator;

/**
 * A registered plugin or module feature service ({@code moduleId} null for the plugin), with what
 * the framework says about it: its service id and ranking, and its bundle's id and name.
 */
public record Contribution(
    RegistrationsFeature feature, String pluginId, String moduleId, long bundleId, String bundleName, long serviceId,
    int ranking) {
  /**
   * Which of two contributions for the same id is used: the highest {@code service.ranking}, then
   * the lowest service id — the rule of the OSGi service registry and of Aries' whiteboard.
   */
  public static final Comparator<Contribution> PREFERRED =
      Comparator.comparingInt(Contribution::ranking).reversed().thenComparingLong(Contribution::serviceId);

  /** Registration order, the order modules that are ready together run in: bundle id, then service id. */
  public static final Comparator<Contribution> REGISTRATION_ORDER =
      Comparator.comparingLong(Contribution::bundleId).thenComparingLong(Contribution::serviceId);

  public boolean isModule() {
    return moduleId != null;
  }
}
