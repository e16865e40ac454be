package dev.greenroom.frontend.api;

/** One value produced by an extension factory, tagged with its ref. */
public record ExtensionDataValue<T>(ExtensionDataRef<T> ref, T value) {
  public String id() {
    return ref.id();
  }
}
