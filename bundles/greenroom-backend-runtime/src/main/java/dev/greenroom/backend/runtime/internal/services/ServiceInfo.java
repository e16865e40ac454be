package dev.greenroom.backend.runtime.internal.services;

import dev.greenroom.backend.api.ServiceScope;

/**
 * What the registry knows about one service factory, for inspection.
 *
 * @param implementation the class behind the factory function, or {@code built-in}
 * @param source {@code built-in}, {@code default} (given to create), {@code added} (add), a
 *     caller-chosen label such as {@code loader}, or {@code ref default} (the ref's own fallback,
 *     once loaded)
 */
public record ServiceInfo(
    String id, ServiceScope scope, boolean multiton, String implementation, String source) {}
