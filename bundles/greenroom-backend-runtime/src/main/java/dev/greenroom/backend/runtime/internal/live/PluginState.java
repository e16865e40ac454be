package dev.greenroom.backend.runtime.internal.live;

import dev.greenroom.backend.runtime.state.FeatureState;

/**
 * The one state of a plugin's {@link PluginMachine}. Each maps 1:1 to the exported {@link
 * FeatureState} the DTOs carry; docs/runtime.md ("Plugin states") describes the transitions.
 */
public enum PluginState {
  /** Modules are present but no bundle provides or declares the plugin. */
  IDLE(FeatureState.IDLE),
  /** A declared plugin or module has not registered its feature service yet (bounded wait). */
  WAITING_FOR_MODULES(FeatureState.WAITING_FOR_MODULES),
  /** A run's init is in progress (bounded by the init timeout). */
  STARTING(FeatureState.STARTING),
  RUNNING(FeatureState.RUNNING),
  /** The last run failed (init error, init timeout, or the plugin never registered). */
  FAILED(FeatureState.FAILED),
  /** The run's shutdown hooks are running; the next start follows at once if one is due. */
  STOPPING(FeatureState.STOPPING),
  /** Nothing runs and nothing is awaited. */
  STOPPED(FeatureState.STOPPED);

  private final FeatureState dto;

  PluginState(FeatureState dto) {
    this.dto = dto;
  }

  public FeatureState toFeatureState() {
    return dto;
  }

  /** Whether a start is pending or in progress: requests to the plugin are worth holding. */
  public boolean startPending() {
    return this == WAITING_FOR_MODULES || this == STARTING || this == STOPPING;
  }
}
