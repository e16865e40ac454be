package dev.greenroom.bench.synthetic;

import dev.greenroom.backend.api.ExtensionPoint;
import java.util.function.Consumer;

/**
 * The extension point {@code p<i>.contrib}. Its type is a JDK interface so that a module bundle
 * needs no package of its plugin bundle (the runtime refuses plugin-to-plugin-bundle wiring, and
 * a synthetic node library would be one more bundle per plugin).
 */
final class Contributions {
  private Contributions() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static ExtensionPoint<Consumer<String>> of(String pluginId) {
    return (ExtensionPoint) ExtensionPoint.create(pluginId + ".contrib", Consumer.class);
  }
}
