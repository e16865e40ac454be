package dev.greenroom.backend.api;

import java.util.Objects;

/**
 * A reference to an extension point: an interface a plugin (or module) offers to the modules of
 * the same plugin. Export it from a {@code -node} library bundle so modules need not wire to the
 * plugin bundle.
 */
public final class ExtensionPoint<T> implements Dependency<T> {
  private final String id;
  private final Class<T> type;

  private ExtensionPoint(String id, Class<T> type) {
    this.id = Objects.requireNonNull(id, "id");
    this.type = Objects.requireNonNull(type, "type");
  }

  public static <T> ExtensionPoint<T> create(String id, Class<T> type) {
    return new ExtensionPoint<>(id, type);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public String toString() {
    return "extensionPoint{" + id + "}";
  }
}
