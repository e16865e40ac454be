package dev.greenroom.frontend.api;

import java.util.Set;

/** One attachment as seen by its parent: {@code { node, get(ref) }}. */
public interface InputValue {
  AppNodeInfo node();

  /** The value, or null when the ref is optional and the attachment did not provide it. */
  <T> T get(ExtensionDataRef<T> ref);

  /** The ids of the data this value carries, in input order. */
  Set<String> dataRefIds();
}
