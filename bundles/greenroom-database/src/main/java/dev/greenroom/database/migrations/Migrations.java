package dev.greenroom.database.migrations;

import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.database.internal.MigrationLock;
import dev.greenroom.database.internal.MigrationRuns;
import dev.greenroom.database.internal.PluginIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.RepairOutput;
import org.flywaydb.core.api.output.RepairResult;
import org.flywaydb.core.internal.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Runs the SQL migrations a bundle ships ({@code V1__create_things.sql}, {@code V2__...} under a
 * resource folder) against a plugin's database, with Flyway. Call it in your init, before the
 * tables are used:
 *
 * <pre>{@code
 * Migrations.run(db, MyPlugin.class.getClassLoader(), "db/migration/example", null);         // plugin
 * Migrations.run(db, MyModule.class.getClassLoader(), "db/migration/example-tags", "example_tags"); // module
 * }</pre>
 *
 * <p>A module shares its plugin's database, so it passes its own table prefix (Backstage's {@code
 * <package>__<table>} convention): its history table is then {@code <prefix>__flyway_schema_history}
 * and its scripts name their tables {@code <prefix>__<table>} (or {@code ${prefix}<table>}, the
 * placeholder expanding to {@code <prefix>__}). Plugin and module histories never collide.
 *
 * <p>Several instances starting together migrate once: the whole run, creating and baselining the
 * history table included, holds a lock (a PostgreSQL advisory lock, released even if an instance
 * dies) and the others wait, then find nothing left to do. {@link DatabaseService#migrations()} {@code skip} (config {@code
 * skipMigrations}) turns this into a no-op.
 */
public final class Migrations {
  /** Flyway's history table name; a module's is prefixed. */
  public static final String HISTORY_TABLE = "flyway_schema_history";
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]*");
  // Flyway retries the lock once a second: wait up to ~10 minutes for another instance's migration.
  private static final int LOCK_RETRIES = 600;

  private Migrations() {}

  /**
   * Applies the pending migrations found under {@code location}.
   *
   * @param db the plugin's database ({@code core.database})
   * @param loader the class loader of the bundle holding the scripts, normally {@code
   *     MyPlugin.class.getClassLoader()}: in OSGi the scripts are that bundle's resources
   * @param location a resource folder such as {@code db/migration/example}; choose one that is no
   *     Java package the bundle imports
   * @param prefix null for the plugin itself; a module's own prefix ({@code [a-z][a-z0-9_]*})
   * @throws MigrationException when a migration fails (rolled back where the database can) or the
   *     location holds no scripts
   */
  public static MigrationResult run(DatabaseService db, ClassLoader loader, String location, String prefix) {
    Setup setup = setup(db, loader, location, prefix);
    if (db.migrations().skip()) {
      return new MigrationResult(true, 0, null, setup.historyTable());
    }
    // recorded before migrating: a run that fails is the one an operator wants to inspect and repair
    PluginIds.of(db).ifPresent(id -> MigrationRuns.record(id, loader, setup.folder(), prefix, setup.historyTable()));
    Flyway flyway = setup.flyway();
    try {
      MigrateResult result = MigrationLock.around(db, setup.historyTable(), flyway::migrate);
      MigrationInfo current = flyway.info().current();
      return new MigrationResult(false, result.migrationsExecuted,
          current == null ? null : current.getVersion().getVersion(), setup.historyTable());
    } catch (FlywayException e) {
      throw setup.failure("failed", e);
    }
  }

  /**
   * Every migration under {@code location}, applied or not, with its state ({@code FAILED} for one
   * that failed half-way). Same parameters as {@link #run}; changes nothing.
   *
   * @throws MigrationException when Flyway cannot read the scripts or the history
   */
  public static MigrationHistoryDTO info(DatabaseService db, ClassLoader loader, String location, String prefix) {
    Setup setup = setup(db, loader, location, prefix);
    try {
      return setup.history(setup.flyway(), List.of());
    } catch (FlywayException e) {
      throw setup.failure("could not be read", e);
    }
  }

  /**
   * Flyway's repair (https://documentation.red-gate.com/fd/repair-184127461.html): removes the
   * history entries of failed migrations and realigns the checksums, descriptions and types of
   * applied ones with the scripts under {@code location}, under the same lock as {@link #run}. Fix
   * the failed script (or undo what it did) first: the next {@link #run} applies it again.
   *
   * @return the migrations afterwards, and what the repair did
   * @throws MigrationException when Flyway cannot repair
   */
  public static MigrationHistoryDTO repair(DatabaseService db, ClassLoader loader, String location, String prefix) {
    Setup setup = setup(db, loader, location, prefix);
    try {
      Flyway flyway = setup.flyway();
      RepairResult result = MigrationLock.around(db, setup.historyTable(), flyway::repair);
      List<String> done = new ArrayList<>();
      result.migrationsRemoved.forEach(m -> done.add("removed failed migration " + label(m)));
      result.migrationsAligned.forEach(m -> done.add("realigned checksum of " + label(m)));
      result.migrationsDeleted.forEach(m -> done.add("marked missing migration " + label(m) + " as deleted"));
      return setup.history(flyway, done);
    } catch (FlywayException e) {
      throw setup.failure("could not be repaired", e);
    }
  }

  private static String label(RepairOutput m) {
    return m.version + " (" + m.description + ")";
  }

  private static Setup setup(DatabaseService db, ClassLoader loader, String location, String prefix) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(loader, "loader");
    String folder = normalize(location);
    if (prefix != null && !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "Invalid migration table prefix '" + prefix + "': expected lower-case letters, digits and '_', starting with a letter");
    }
    return new Setup(db, loader, folder, prefix == null ? "" : prefix + "__");
  }

  /** One location of one database; {@link #flyway()} opens the database only when asked. */
  private record Setup(DatabaseService db, ClassLoader loader, String folder, String tablePrefix) {
    String historyTable() {
      return tablePrefix + HISTORY_TABLE;
    }

    Flyway flyway() {
      FluentConfiguration config = Flyway.configure(loader)
          .dataSource(db.getClient())
          .locations("classpath:" + folder)
          .table(historyTable())
          .placeholders(Map.of("prefix", tablePrefix))
          // A plugin and its modules share one schema, so each history table may start out in a
          // non-empty schema: baseline at version 0 then applies every script from V1 on.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .baselineDescription("<< schema shared with other migration histories >>")
          .failOnMissingLocations(true)
          .validateMigrationNaming(true)
          .lockRetryCount(LOCK_RETRIES);
      // PostgreSQL: Flyway's default lock is a transaction-scoped advisory lock held open for the
      // whole run, and CREATE INDEX CONCURRENTLY waits for every open transaction, so such a
      // migration hung for ever (MigrationRepairPostgresTest). A session lock instead, as Flyway's
      // docs advise for it (flyway.postgresql.transactional.lock=false; set on the extension, since
      // Flyway's property route needs Jackson, which the bundle does not wire); MigrationLock
      // already serialises the runs of several instances.
      PostgreSQLConfigurationExtension pg = config.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class);
      if (pg != null) {
        pg.setTransactionalLock(false);
      }
      return config.load();
    }

    MigrationHistoryDTO history(Flyway flyway, List<String> repaired) {
      List<MigrationDTO> migrations = new ArrayList<>();
      for (MigrationInfo m : flyway.info().all()) {
        migrations.add(new MigrationDTO(
            m.getVersion() == null ? null : m.getVersion().getVersion(), m.getDescription(), m.getState().name(),
            m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(), m.getScript()));
      }
      return new MigrationHistoryDTO(PluginIds.of(db).orElse(null), folder, historyTable(), migrations, repaired);
    }

    MigrationException failure(String what, FlywayException e) {
      return new MigrationException(
          "Migrations from '" + folder + "' " + what + PluginIds.of(db).map(id -> " for plugin '" + id + "'").orElse("")
              + " (history table '" + historyTable() + "'): " + e.getMessage(),
          folder, e);
    }
  }

  private static String normalize(String location) {
    Objects.requireNonNull(location, "location");
    String s = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    s = s.replaceAll("^/+|/+$", "");
    if (s.isEmpty()) {
      throw new IllegalArgumentException("Migration location must name a resource folder, got '" + location + "'");
    }
    return s;
  }
}
