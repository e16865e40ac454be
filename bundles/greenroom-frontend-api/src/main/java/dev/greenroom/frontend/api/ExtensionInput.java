package dev.greenroom.frontend.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An input of an extension ({@code createExtensionInput(dataRefs, { singleton, optional, internal,
 * replaces })}). Immutable: every flag method returns a copy. {@code optional} matters only together
 * with {@code singleton}.
 */
public final class ExtensionInput {

  /** The definition an input belongs to, so it can serve as an attachment point. */
  public record Context(String kind, String name, String input) {}

  private final List<ExtensionDataRef<?>> dataRefs;
  private final boolean singleton;
  private final boolean optional;
  private final boolean internal;
  private final List<AttachmentPoint> replaces;
  private final Context context;

  private ExtensionInput(
      List<ExtensionDataRef<?>> dataRefs,
      boolean singleton,
      boolean optional,
      boolean internal,
      List<AttachmentPoint> replaces,
      Context context) {
    this.dataRefs = dataRefs;
    this.singleton = singleton;
    this.optional = optional;
    this.internal = internal;
    this.replaces = replaces;
    this.context = context;
  }

  /**
   * A list input requiring the given data from every attachment.
   *
   * @throws IllegalArgumentException {@code ExtensionInput may not have duplicate data refs: '<id>'}
   */
  public static ExtensionInput of(ExtensionDataRef<?>... dataRefs) {
    Set<String> seen = new HashSet<>();
    for (ExtensionDataRef<?> ref : dataRefs) {
      if (!seen.add(ref.id())) {
        throw new IllegalArgumentException(
            "ExtensionInput may not have duplicate data refs: '" + ref.id() + "'");
      }
    }
    return new ExtensionInput(List.of(dataRefs), false, false, false, List.of(), null);
  }

  /** Exactly one attachment (or at most one, with {@link #optional()}). */
  public ExtensionInput singleton() {
    return new ExtensionInput(dataRefs, true, optional, internal, replaces, context);
  }

  public ExtensionInput optional() {
    return new ExtensionInput(dataRefs, singleton, true, internal, replaces, context);
  }

  /** Only extensions of the same plugin (including its modules and overrides) may attach. */
  public ExtensionInput internal() {
    return new ExtensionInput(dataRefs, singleton, optional, true, replaces, context);
  }

  /** Redirects attachments aimed at the given (old) points to this input. */
  public ExtensionInput replaces(AttachmentPoint... points) {
    List<AttachmentPoint> all = new ArrayList<>(replaces);
    all.addAll(List.of(points));
    return new ExtensionInput(dataRefs, singleton, optional, internal, List.copyOf(all), context);
  }

  ExtensionInput bind(String kind, String name, String inputName) {
    return new ExtensionInput(
        dataRefs, singleton, optional, internal, replaces, new Context(kind, name, inputName));
  }

  public List<ExtensionDataRef<?>> dataRefs() {
    return dataRefs;
  }

  public boolean isSingleton() {
    return singleton;
  }

  public boolean isOptional() {
    return optional;
  }

  public boolean isInternal() {
    return internal;
  }

  public List<AttachmentPoint> replacesPoints() {
    return replaces;
  }

  /** The definition this input is part of, or null for a free-standing input. */
  public Context context() {
    return context;
  }

  @Override
  public String toString() {
    StringBuilder flags = new StringBuilder();
    if (singleton) {
      flags.append(optional ? " singleton?" : " singleton");
    }
    if (internal) {
      flags.append(" internal");
    }
    return "["
        + String.join(", ", dataRefs.stream().map(r -> r.id() + (r.isOptional() ? "?" : "")).toList())
        + "]"
        + flags;
  }
}
