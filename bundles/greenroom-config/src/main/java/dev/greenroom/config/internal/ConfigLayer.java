package dev.greenroom.config.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * One source of configuration data, Backstage's {@code AppConfig}: the data and the context that
 * names it in errors ({@code app-config.yaml}, {@code env}, ...). {@code path} is null for
 * sources that are not files.
 */
public record ConfigLayer(Map<String, Object> data, String context, Path path) {
  @SuppressWarnings("unchecked")
  public ConfigLayer {
    data = (Map<String, Object>) JsValues.freeze(data);
  }
}
