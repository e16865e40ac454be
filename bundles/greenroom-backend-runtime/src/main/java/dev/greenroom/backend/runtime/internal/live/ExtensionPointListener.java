package dev.greenroom.backend.runtime.internal.live;

import dev.greenroom.backend.runtime.internal.wiring.ExtensionPointTable;

/** Told when a plugin's extension points enter and leave the backend (the OSGi layer publishes them). */
public interface ExtensionPointListener {
  void registered(ExtensionPointTable.Entry entry);

  void withdrawn(ExtensionPointTable.Entry entry);

  ExtensionPointListener NONE = new ExtensionPointListener() {
    @Override
    public void registered(ExtensionPointTable.Entry entry) {}

    @Override
    public void withdrawn(ExtensionPointTable.Entry entry) {}
  };
}
