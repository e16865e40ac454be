package dev.greenroom.backend.runtime.state;

/**
 * A service id. {@code scope} is root or plugin; {@code implementation} names the factory chosen
 * (class name); {@code source} is where it came from: built-in, default, added, loader, ref
 * default or missing; {@code multiton} factories are listed once each.
 */
public record ServiceDTO(
    String id, String scope, boolean multiton, String implementation, String source) {}
