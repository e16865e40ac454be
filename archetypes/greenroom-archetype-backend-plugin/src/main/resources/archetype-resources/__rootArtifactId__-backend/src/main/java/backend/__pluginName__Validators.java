package ${package}.backend;

import ${package}.node.${pluginName}Validator;
import ${package}.node.${pluginName}ValidatorsExtensionPoint;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The plugin's implementation of {@code ${pluginId}.validators}: one per register pass. Modules with no
 * order between them may run their inits concurrently, hence a thread-safe list.
 */
final class ${pluginName}Validators implements ${pluginName}ValidatorsExtensionPoint {
  private final List<${pluginName}Validator> validators = new CopyOnWriteArrayList<>();

  @Override
  public void addValidator(${pluginName}Validator validator) {
    validators.add(Objects.requireNonNull(validator, "validator"));
  }

  int size() {
    return validators.size();
  }

  /** The first problem a validator finds with {@code title}, or null. */
  String problem(String title) {
    for (${pluginName}Validator v : validators) {
      String problem = v.problem(title);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }
}
