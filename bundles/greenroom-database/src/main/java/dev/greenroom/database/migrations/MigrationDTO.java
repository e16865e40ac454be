package dev.greenroom.database.migrations;

import java.time.Instant;

/**
 * One migration as Flyway sees it: a script found in the bundle, a row of the history table, or both.
 *
 * @param version the version ({@code 2} for {@code V2__add_note.sql}; {@code 0} is the baseline Greenroom
 *     writes into a shared schema); null for a repeatable migration
 * @param description the description from the script name ({@code add note})
 * @param state Flyway's state: {@code SUCCESS}, {@code PENDING}, {@code FAILED} (half applied: repair
 *     it), {@code BASELINE}, {@code MISSING_SUCCESS} (applied, script gone), ... ({@code
 *     org.flywaydb.core.api.MigrationState})
 * @param installedOn when it was applied, or null when it was not
 * @param script the script's name, or null when the history names none (the baseline)
 */
public record MigrationDTO(String version, String description, String state, Instant installedOn, String script) {}
