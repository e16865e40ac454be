package dev.greenroom.backend.api;

/** Something an init or a factory can depend on: a service or an extension point. */
public sealed interface Dependency<T> permits ServiceRef, ExtensionPoint {
  String id();

  Class<T> type();
}
