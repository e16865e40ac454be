package ${package}.node;

import org.osgi.annotation.versioning.ConsumerType;

/** Checks a new item's title; modules implement it. */
@ConsumerType
@FunctionalInterface
public interface ${pluginName}Validator {
  /**
   * @param title the title of the item about to be created
   * @return null when the title is fine, else why it is not (the client gets 400 with this message)
   */
  String problem(String title);
}
