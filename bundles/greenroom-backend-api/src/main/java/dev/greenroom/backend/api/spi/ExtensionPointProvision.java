package dev.greenroom.backend.api.spi;

import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ExtensionPointFactory;
import java.util.Objects;

/**
 * One extension point offered by a plugin or module: either a fixed implementation or a factory
 * called per consuming module.
 */
public record ExtensionPointProvision(
    ExtensionPoint<?> extensionPoint, Object impl, ExtensionPointFactory<?> factory) {
  public ExtensionPointProvision {
    Objects.requireNonNull(extensionPoint, "extensionPoint");
    if ((impl == null) == (factory == null)) {
      throw new IllegalArgumentException(
          "exactly one of impl and factory must be given for " + extensionPoint);
    }
  }
}
