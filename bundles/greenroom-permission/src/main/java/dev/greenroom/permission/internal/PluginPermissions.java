package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.errors.NotImplementedError;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionResourceType;
import dev.greenroom.backend.api.services.PermissionRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One plugin's permissions, rules and resource types: Backstage's {@code
 * PermissionIntegrationMetadataStore} (plugins/permission-node/src/integration/createPermissionIntegrationRouter.ts),
 * with its messages.
 */
final class PluginPermissions {
  private final String pluginId;
  private final Map<String, Permission> permissions = new LinkedHashMap<>();
  private final Map<String, Map<String, PermissionRule<?, ?>>> rulesByType = new LinkedHashMap<>();
  private final Map<String, PermissionResourceType<?>> resourcesByType = new LinkedHashMap<>();
  private final List<PermissionRule<?, ?>> rules = new ArrayList<>();

  PluginPermissions(String pluginId) {
    this.pluginId = pluginId;
  }

  String pluginId() {
    return pluginId;
  }

  synchronized void addPermissions(List<Permission> added) {
    for (Permission p : added) {
      permissions.put(p.name(), p); // Backstage: naming conflicts are silently ignored (last wins)
    }
  }

  synchronized void addPermissionRules(List<? extends PermissionRule<?, ?>> added) {
    for (PermissionRule<?, ?> rule : added) {
      Map<String, PermissionRule<?, ?>> byName = rulesByType.computeIfAbsent(rule.resourceType(), t -> new LinkedHashMap<>());
      if (byName.containsKey(rule.name())) {
        throw new IllegalArgumentException("Refused to add permission rule for type '" + rule.resourceType()
            + "' with name '" + rule.name() + "' because it already exists");
      }
      byName.put(rule.name(), rule);
      rules.add(rule);
    }
  }

  synchronized void addResourceType(PermissionResourceType<?> resource) {
    if (resourcesByType.containsKey(resource.resourceType())) {
      throw new IllegalArgumentException("Refused to add permission resource with type '" + resource.resourceType()
          + "' because it already exists");
    }
    resourcesByType.put(resource.resourceType(), resource);
    addPermissionRules(resource.rules());
    addPermissions(resource.permissions());
  }

  synchronized List<Permission> permissions() {
    return List.copyOf(permissions.values());
  }

  synchronized Permission permission(String name) {
    return permissions.get(name);
  }

  synchronized List<PermissionRule<?, ?>> rules() {
    return List.copyOf(rules);
  }

  synchronized boolean hasResourceType(String type) {
    return resourcesByType.containsKey(type);
  }

  /** The rule {@code name} of {@code type}; IllegalArgumentException with Backstage's message if none. */
  synchronized PermissionRule<?, ?> rule(String type, String name) {
    PermissionRule<?, ?> rule = rulesByType.getOrDefault(type, Map.of()).get(name);
    if (rule == null) {
      throw new IllegalArgumentException(Messages.ruleMissing(name, type));
    }
    return rule;
  }

  /** The resources of {@code refs} (each ref once) by ref; a value is null where the plugin has none. */
  Map<String, Object> resources(String type, List<String> refs) {
    PermissionResourceType<?> resource;
    synchronized (this) {
      resource = resourcesByType.get(type);
    }
    if (resource == null || resource.getResources() == null) {
      throw new NotImplementedError(Messages.noResources(type));
    }
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(refs));
    List<?> loaded = resource.getResources().apply(unique);
    Map<String, Object> byRef = new LinkedHashMap<>();
    for (int i = 0; i < unique.size(); i++) {
      byRef.put(unique.get(i), loaded != null && i < loaded.size() ? loaded.get(i) : null);
    }
    return byRef;
  }
}
