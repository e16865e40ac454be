package dev.greenroom.backend.api;

import java.util.Objects;

/** The init registered by one register pass. */
public record InitRegistration(Deps deps, Init init) {
  public InitRegistration {
    Objects.requireNonNull(deps, "deps");
    Objects.requireNonNull(init, "init");
  }
}
