package dev.greenroom.backend.api.services;

import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's own database. Backstage's {@code DatabaseService} ({@code core.database}), with a JDBC
 * {@link DataSource} in place of a knex client. Each plugin gets a separate logical database (or
 * schema) configured under {@code backend.database}; plugins never share one.
 */
@ProviderType
public interface DatabaseService {
  /**
   * The plugin's data source, created on first call (the database is created if missing) and the
   * same object afterwards. The backend closes its connections on root shutdown.
   */
  DataSource getClient();

  /**
   * How the plugin should treat its schema migrations, from {@code skipMigrations} in config.
   * Backstage's optional {@code migrations} property; the default is not to skip.
   */
  default MigrationsOptions migrations() {
    return new MigrationsOptions(false);
  }
}
