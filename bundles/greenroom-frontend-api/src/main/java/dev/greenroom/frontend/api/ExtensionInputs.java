package dev.greenroom.frontend.api;

import java.util.List;

/** The resolved inputs of an extension: list inputs in child order, singletons as one value. */
public interface ExtensionInputs {
  /** A list input's attachments (empty when none). */
  List<InputValue> list(String inputName);

  /** A singleton input's attachment, or null when it is optional and absent. */
  InputValue single(String inputName);
}
