package dev.greenroom.backend.runtime.state;

/** Live state of a plugin or module. */
public enum FeatureState {
  /** The plugin's bundle is known but it waits for expected module services. */
  WAITING_FOR_MODULES,
  /** A module is installed whose plugin is not (idle; not an error). */
  IDLE,
  STARTING,
  RUNNING,
  FAILED,
  STOPPING,
  STOPPED
}
