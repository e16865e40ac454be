package dev.greenroom.frontend.api;

/** The id rule {@code [<kind>:][<namespace>][/][<name>]} (docs/frontend.md, "Concepts"; upstream: frontend-plugin-api's resolveExtensionDefinition.ts). */
public final class ExtensionIds {
  private ExtensionIds() {}

  /**
   * Builds an extension id; the {@code /} appears only when both namespace and name are present.
   *
   * @throws IllegalArgumentException when neither namespace nor name is given
   */
  public static String resolve(String kind, String namespace, String name) {
    String namePart =
        notEmpty(name) && notEmpty(namespace)
            ? namespace + "/" + name
            : notEmpty(namespace) ? namespace : name;
    if (!notEmpty(namePart)) {
      throw new IllegalArgumentException(
          "Extension must declare an explicit namespace or name as it could not be resolved from"
              + " context, kind="
              + js(kind)
              + " namespace="
              + js(namespace)
              + " name="
              + js(name));
    }
    return notEmpty(kind) ? kind + ":" + namePart : namePart;
  }

  static String describeRelative(String kind, String name) {
    String id = "<plugin>";
    if (notEmpty(kind)) {
      id = kind + ":" + id;
    }
    if (notEmpty(name)) {
      id = id + "/" + name;
    }
    return id;
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  /** Backstage interpolates absent values as {@code undefined}; kept so messages match verbatim. */
  private static String js(String s) {
    return s == null ? "undefined" : s;
  }
}
