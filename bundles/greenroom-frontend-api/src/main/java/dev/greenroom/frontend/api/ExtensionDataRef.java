package dev.greenroom.frontend.api;

import java.util.Objects;

/**
 * A typed key for one piece of data an extension outputs or an input requires
 * ({@code createExtensionDataRef<T>().with({ id })}). Refs are compared by id and optionality.
 *
 * @param <T> the type of the value
 */
public final class ExtensionDataRef<T> {
  private final String id;
  private final boolean optional;

  private ExtensionDataRef(String id, boolean optional) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("Extension data ref id must not be empty");
    }
    this.id = id;
    this.optional = optional;
  }

  /** A required ref with the given id, e.g. {@code ExtensionDataRef.<String>of("core.title")}. */
  public static <T> ExtensionDataRef<T> of(String id) {
    return new ExtensionDataRef<>(id, false);
  }

  public String id() {
    return id;
  }

  public boolean isOptional() {
    return optional;
  }

  /** A copy flagged optional; this ref is left untouched. */
  public ExtensionDataRef<T> optional() {
    return new ExtensionDataRef<>(id, true);
  }

  /** The tagged value {@code { id, value }} a factory returns. */
  public ExtensionDataValue<T> value(T value) {
    return new ExtensionDataValue<>(this, Objects.requireNonNull(value, () -> "value of '" + id + "'"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtensionDataRef<?> other && other.id.equals(id) && other.optional == optional;
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + (optional ? 1 : 0);
  }

  @Override
  public String toString() {
    return "ExtensionDataRef{id=" + id + ",optional=" + optional + "}";
  }
}
