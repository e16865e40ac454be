package dev.greenroom.shell;

import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a plugin's modules in their last init order; modules that have not run ({@code order}
 * -1) come last, in the order the runtime gave them (the sort is stable).
 */
final class InitOrder {
  private static final Comparator<ModuleDTO> BY_ORDER =
      Comparator.comparingInt(m -> m.order() < 0 ? Integer.MAX_VALUE : m.order());

  private InitOrder() {}

  static PluginDTO of(PluginDTO p) {
    List<ModuleDTO> sorted = p.modules().stream().sorted(BY_ORDER).toList();
    if (sorted.equals(p.modules())) {
      return p;
    }
    return new PluginDTO(p.pluginId(), p.state(), p.bundle(), sorted, p.cause(), p.startedAt(),
        p.readyAt(), p.initMillis());
  }
}
