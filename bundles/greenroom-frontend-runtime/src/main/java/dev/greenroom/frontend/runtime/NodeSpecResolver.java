package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.AttachmentPoint;
import dev.greenroom.frontend.api.Extension;
import dev.greenroom.frontend.api.ExtensionPredicate;
import dev.greenroom.frontend.api.FrontendFeature;
import dev.greenroom.frontend.api.FrontendModule;
import dev.greenroom.frontend.api.FrontendPlugin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns features, built-ins and {@code app.extensions} into ordered node specs (upstream's frontend-app-api/src/tree/resolveAppNodeSpecs.ts). */
final class NodeSpecResolver {
  private NodeSpecResolver() {}

  /** Mutable working copy of one extension's spec. */
  private static final class Configured {
    Extension extension;
    final String pluginId;
    List<AttachmentPoint> attachTo;
    boolean multiple;
    boolean disabled;
    ExtensionPredicate predicate;
    Object config;

    Configured(Extension extension, String pluginId, ExtensionPredicate predicate) {
      this.extension = extension;
      this.pluginId = pluginId;
      this.attachTo = extension.attachToAll();
      this.multiple = extension.hasMultipleAttachTo();
      this.disabled = extension.isDisabled();
      this.predicate = predicate;
    }

    void replaceImplementation(Extension ext, ExtensionPredicate newPredicate) {
      this.extension = ext;
      this.attachTo = ext.attachToAll();
      this.multiple = ext.hasMultipleAttachTo();
      this.disabled = ext.isDisabled();
      this.predicate = newPredicate;
    }

    AppNodeSpec toSpec() {
      return new AppNodeSpec(
          extension.id(), attachTo, multiple, extension, disabled, predicate, pluginId, pluginId, config);
    }
  }

  static List<AppNodeSpec> resolve(
      List<? extends FrontendFeature> features,
      List<Extension> builtins,
      List<ExtensionParameters> parameters,
      Set<String> forbidden,
      ErrorCollector collector) {
    // identical objects first, then plugins by id: the last one wins (keeping its last position)
    Set<FrontendFeature> unique = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<FrontendFeature> distinct = new ArrayList<>();
    for (FrontendFeature f : features) {
      if (unique.add(f)) {
        distinct.add(f);
      }
    }
    Map<String, FrontendPlugin> lastPluginById = new LinkedHashMap<>();
    for (FrontendFeature f : distinct) {
      if (f instanceof FrontendPlugin p) {
        lastPluginById.remove(p.pluginId());
        lastPluginById.put(p.pluginId(), p);
      }
    }
    List<FrontendPlugin> plugins = new ArrayList<>(lastPluginById.values());
    List<FrontendModule> modules = new ArrayList<>();
    for (FrontendFeature f : distinct) {
      if (f instanceof FrontendModule m) {
        modules.add(m);
      }
    }

    List<Configured> configured = new ArrayList<>();
    for (FrontendPlugin plugin : plugins) {
      for (Extension ext : plugin.extensions()) {
        if (allowed(ext.id(), plugin.pluginId(), forbidden, collector)) {
          configured.add(
              new Configured(
                  ext, plugin.pluginId(), ExtensionPredicate.all(plugin.predicate(), ext.predicate())));
        }
      }
    }
    for (Extension ext : builtins) {
      configured.add(new Configured(ext, "app", ext.predicate()));
    }

    Set<String> installed = new HashSet<>(lastPluginById.keySet());
    Map<String, Configured> firstById = new HashMap<>();
    for (Configured c : configured) {
      firstById.putIfAbsent(c.extension.id(), c);
    }
    for (FrontendModule module : modules) {
      if (!installed.contains(module.pluginId())) {
        continue; // modules of plugins that are not installed are ignored silently
      }
      for (Extension ext : module.extensions()) {
        if (!allowed(ext.id(), module.pluginId(), forbidden, collector)) {
          continue;
        }
        ExtensionPredicate predicate = ExtensionPredicate.all(module.predicate(), ext.predicate());
        Configured existing = firstById.get(ext.id());
        if (existing != null) {
          existing.replaceImplementation(ext, predicate); // keeps position and owning plugin
        } else {
          Configured added = new Configured(ext, module.pluginId(), predicate);
          configured.add(added);
          firstById.put(ext.id(), added);
        }
      }
    }

    Map<String, Configured> deduplicated = new LinkedHashMap<>();
    for (Configured c : configured) {
      if (deduplicated.containsKey(c.extension.id())) {
        collector.report(
            "EXTENSION_IGNORED",
            "The '"
                + c.extension.id()
                + "' extension from the '"
                + c.pluginId
                + "' plugin is a duplicate and will be ignored",
            ErrorCollector.Ctx.NONE.extension(c.extension.id(), c.pluginId));
      } else {
        deduplicated.put(c.extension.id(), c);
      }
    }

    Set<String> mentioned = new LinkedHashSet<>();
    for (ExtensionParameters param : parameters) {
      String id = param.id();
      if (forbidden.contains(id)) {
        collector.report(
            "INVALID_EXTENSION_CONFIG_KEY",
            "Configuration of the '" + id + "' extension is forbidden",
            ErrorCollector.Ctx.NONE.extension(id, null));
        continue;
      }
      Configured existing = deduplicated.get(id);
      if (existing == null) {
        collector.report(
            "INVALID_EXTENSION_CONFIG_KEY",
            "Extension " + id + " does not exist",
            ErrorCollector.Ctx.NONE.extension(id, null));
        continue;
      }
      if (param.attachTo() != null) {
        existing.attachTo = List.of(param.attachTo());
        existing.multiple = false;
      }
      if (param.config() != null) {
        existing.config = param.config(); // replaced, never merged
      }
      existing.disabled = Boolean.TRUE.equals(param.disabled());
      mentioned.add(id);
    }

    List<AppNodeSpec> specs = new ArrayList<>(deduplicated.size());
    for (String id : mentioned) {
      specs.add(deduplicated.get(id).toSpec());
    }
    for (Configured c : deduplicated.values()) {
      if (!mentioned.contains(c.extension.id())) {
        specs.add(c.toSpec());
      }
    }
    return specs;
  }

  private static boolean allowed(
      String id, String pluginId, Set<String> forbidden, ErrorCollector collector) {
    if (forbidden.contains(id)) {
      collector.report(
          "EXTENSION_IGNORED",
          "It is forbidden to override the '" + id + "' extension, attempted by the '" + pluginId + "' plugin",
          ErrorCollector.Ctx.NONE.extension(id, pluginId));
      return false;
    }
    return true;
  }
}
