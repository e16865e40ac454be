package dev.greenroom.backend.api.spi;

import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.Init;
import java.util.Objects;

/** The init registered by one register pass. */
public record InitRegistration(Deps deps, Init init) {
  public InitRegistration {
    Objects.requireNonNull(deps, "deps");
    Objects.requireNonNull(init, "init");
  }
}
