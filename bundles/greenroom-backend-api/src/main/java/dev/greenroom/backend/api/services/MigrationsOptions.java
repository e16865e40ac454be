package dev.greenroom.backend.api.services;

/**
 * Migration settings of a plugin's database, {@link DatabaseService#migrations()}. Backstage's
 * {@code DatabaseService.migrations}.
 *
 * @param skip do not run schema migrations, for example against a read-only database
 */
public record MigrationsOptions(boolean skip) {}
