package dev.greenroom.backend.runtime.state;

import java.util.List;

/**
 * Why a plugin is in its state. {@code reasons} holds one line each, with a {@link ReasonCode}.
 */
public record DiagnosisDTO(String pluginId, FeatureState state, List<Reason> reasons) {
  public DiagnosisDTO {
    reasons = List.copyOf(reasons);
  }

  /** One reason. {@code subject} is a module id, bundle or service id when one applies. */
  public record Reason(ReasonCode code, String subject, String message) {}

  /** Reason codes. */
  public enum ReasonCode {
    UNKNOWN_PLUGIN,
    PLUGIN_FEATURE_MISSING,
    WAITING_FOR_MODULE,
    MODULE_TIMED_OUT,
    /** An init (of the plugin or of one of its modules) did not return within backend.startup.initTimeout. */
    INIT_TIMED_OUT,
    MODULE_FAILED,
    PLUGIN_FAILED,
    DUPLICATE_PLUGIN,
    DUPLICATE_MODULE,
    INVALID_CAPABILITY,
    /** The framework refused to wire a bundle of this plugin to another plugin's package. */
    WIRING_REFUSED,
    RUNNING
  }
}
