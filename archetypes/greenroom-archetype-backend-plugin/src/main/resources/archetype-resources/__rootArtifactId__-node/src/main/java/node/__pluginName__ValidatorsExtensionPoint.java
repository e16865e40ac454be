package ${package}.node;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code ${pluginId}.validators} extension point. Provider type: the plugin implements it, modules
 * only call it (so a new method here is a minor version step for modules).
 */
@ProviderType
public interface ${pluginName}ValidatorsExtensionPoint {
  /** Adds a check that every new item's title must pass. */
  void addValidator(${pluginName}Validator validator);
}
