package dev.greenroom.backend.api;

/**
 * When a registered factory is instantiated. Root factories default to {@link #ALWAYS} (eager, at
 * start); plugin factories default to {@link #LAZY}; {@code ALWAYS} on a plugin factory makes it
 * for every plugin before that plugin's modules run.
 */
public enum Initialization {
  ALWAYS,
  LAZY
}
