package dev.greenroom.frontend.runtime;

import java.util.Set;

/**
 * One collected problem: {@code { code, message, context }}. Context fields are null when they do
 * not apply.
 */
public record AppError(
    String code,
    String message,
    String nodeId,
    String inputName,
    String extensionId,
    String pluginId,
    String dataRefId) {

  /** Codes the default error page treats as warnings: logged, never blocking. */
  public static final Set<String> WARNING_CODES =
      Set.of(
          "EXTENSION_IGNORED",
          "INVALID_EXTENSION_CONFIG_KEY",
          "EXTENSION_INPUT_DATA_IGNORED",
          "EXTENSION_INPUT_INTERNAL_IGNORED",
          "EXTENSION_OUTPUT_IGNORED");

  public boolean isWarning() {
    return WARNING_CODES.contains(code);
  }

  /** The extension this error is about: the attachment or extension id, else the node. */
  public String subjectId() {
    return extensionId != null ? extensionId : nodeId;
  }
}
