package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.ExtensionDataRef;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.FrontendFeature;
import dev.greenroom.frontend.api.InputValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test fixtures: tiny extensions, and the pipeline without the default app plugin. */
final class Fx {
  static final ExtensionDataRef<String> TEXT = ExtensionDataRef.of("test.text");
  static final ExtensionDataRef<String> OTHER = ExtensionDataRef.of("test.other");
  static final ExtensionDataRef<List<String>> MIRROR = ExtensionDataRef.of("test.mirror");

  private Fx() {}

  /** An extension outputting TEXT = its own id. */
  static ExtensionDefinition.Builder leaf(String name, String parent, String input) {
    return ExtensionDefinition.builder()
        .name(name)
        .attachTo(parent, input)
        .output(TEXT)
        .factory(ctx -> List.of(TEXT.value(ctx.node().id())));
  }

  /** An extension with a list input 'items' of TEXT; outputs MIRROR = the attached texts. */
  static ExtensionDefinition.Builder parent(String name, String parent, String input) {
    return ExtensionDefinition.builder()
        .name(name)
        .attachTo(parent, input)
        .input("items", ExtensionInput.of(TEXT))
        .output(MIRROR)
        .factory(ctx -> {
          List<String> texts = new ArrayList<>();
          for (InputValue v : ctx.inputs().list("items")) {
            texts.add(v.get(TEXT));
          }
          return List.of(MIRROR.value(texts));
        });
  }

  /** A root 'root' (namespace root) with a list input 'items' of optional TEXT; MIRROR = texts or ids. */
  static ExtensionDefinition root() {
    return ExtensionDefinition.builder()
        .namespace("root")
        .attachTo("ignored", "ignored")
        .input("items", ExtensionInput.of(TEXT.optional()))
        .output(MIRROR)
        .factory(ctx -> {
          List<String> texts = new ArrayList<>();
          for (InputValue v : ctx.inputs().list("items")) {
            texts.add(v.get(TEXT) != null ? v.get(TEXT) : v.node().id());
          }
          return List.of(MIRROR.value(texts));
        })
        .build();
  }

  static List<AppNodeSpec> specs(List<? extends FrontendFeature> features, List<ExtensionParameters> params, ErrorCollector c) {
    return NodeSpecResolver.resolve(features, List.of(root().resolve(null)), params, Set.of("root"), c);
  }

  static List<String> ids(List<AppNodeSpec> specs) {
    return specs.stream().map(AppNodeSpec::id).toList();
  }

  static ExtensionParameters param(Object entry) {
    return AppExtensionsConfig.expand(entry, 0);
  }

  static Map<String, Object> m(Object... kv) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put((String) kv[i], kv[i + 1]);
    }
    return map;
  }

  static List<String> messages(ErrorCollector c) {
    return c.errors().stream().map(e -> e.code() + ": " + e.message()).toList();
  }

  /** Resolve + build + instantiate; returns the tree. */
  static AppTree instantiate(List<AppNodeSpec> specs, ErrorCollector c, List<String> warnings) {
    AppTree tree = TreeBuilder.build("root", specs, c);
    new TreeInstantiator(c, Map.of(), warnings::add).instantiate(tree.root());
    return tree;
  }
}
