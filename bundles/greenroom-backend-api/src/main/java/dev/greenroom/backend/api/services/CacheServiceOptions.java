package dev.greenroom.backend.api.services;

import java.time.Duration;

/**
 * Options of a {@link CacheService} client, for {@link CacheService#withOptions}. Backstage's
 * {@code CacheServiceOptions}.
 *
 * @param defaultTtl the TTL of values set without one; null keeps them until evicted
 */
public record CacheServiceOptions(Duration defaultTtl) {}
