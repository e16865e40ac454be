package dev.greenroom.config.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backstage's {@code applyConfigTransforms}: walks a parsed tree, substituting strings and
 * resolving directives; values that end up undefined are dropped. A failure is reported once, at
 * the innermost path ({@code error at .backend.secret, ...}).
 */
public final class ConfigTransformer {
  private final Substitution substitution;
  private final IncludeDirectives includes;

  public ConfigTransformer(Substitution substitution, FileAccess files) {
    this.substitution = substitution;
    this.includes = new IncludeDirectives(substitution, files);
  }

  /** A failed transform: {@code path} is Backstage's ({@code .a.b[0]}), the message includes it. */
  public static final class TransformException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String path;

    TransformException(String path, Exception cause) {
      super("error at " + path + ", " + cause.getMessage(), cause);
      this.path = path;
    }

    /** The dotted key ({@code a.b[0]}), without Backstage's leading dot. */
    public String key() {
      return path.startsWith(".") ? path.substring(1) : path;
    }
  }

  /** The transformed root object; throws for a non-object root, as Backstage does. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> transformRoot(Object input, Path dir) {
    Object out = transform(input, "", dir);
    if (!(out instanceof Map)) {
      throw new IllegalArgumentException("expected object at config root");
    }
    return (Map<String, Object>) out;
  }

  private Object transform(Object input, String path, Path dir) {
    Object obj = input;
    Path currentDir = dir;
    try {
      if (input instanceof String s) {
        return substitution.apply(s);
      }
      if (input instanceof Map<?, ?> m) {
        IncludeDirectives.Result r = includes.apply(m, dir);
        if (r != null) {
          if (r.value() == null) {
            return null;
          }
          obj = r.value();
          currentDir = r.newDir() == null ? dir : r.newDir();
        }
      }
    } catch (Exception e) {
      throw new TransformException(path, e);
    }
    if (obj instanceof List<?> list) {
      List<Object> arr = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object item = transform(list.get(i), path + "[" + i + "]", currentDir);
        if (item != null) {
          arr.add(item);
        }
      }
      return arr;
    }
    if (obj instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() != null) {
          Object v = transform(e.getValue(), path + "." + e.getKey(), currentDir);
          if (v != null) {
            out.put(String.valueOf(e.getKey()), v);
          }
        }
      }
      return out;
    }
    return obj;
  }
}
