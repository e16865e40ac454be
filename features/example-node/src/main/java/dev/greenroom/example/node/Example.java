package dev.greenroom.example.node;

import java.util.Objects;

/**
 * One example contributed through {@link ExamplesExtensionPoint}.
 *
 * @param name what the example is called, e.g. {@code hello}
 * @param source who contributed it, conventionally the contributing module's id
 */
public record Example(String name, String source) {
  public Example {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  /** {@code name (source)}, e.g. {@code hello (greetings)}. */
  @Override
  public String toString() {
    return name + " (" + source + ")";
  }
}
