package dev.greenroom.database.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.test.base.TestBackend;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file database must release its file lock when its plugin's database closes: the next
 * framework in the same JVM (a new H2 engine) would otherwise find it "already in use". H2 locks
 * the {@code .mv.db} file with a {@link FileLock}, so the test tries to take that lock itself.
 */
@Timeout(60)
class H2FileLockTest {
  @TempDir Path dir;

  @Test
  void theFileIsLockedWhileOpenAndReleasedOnCloseDespiteALeakedConnection() throws Exception {
    DatabaseManager manager = new DatabaseManager(Configs.of(Configs.h2Dir(dir)));
    Connection leaked = manager.forPlugin("leaky").getClient().getConnection();
    Sql.exec(manager.forPlugin("leaky").getClient(), "CREATE TABLE t (v INT)");
    Path file = dir.resolve("leaky.mv.db");
    // the check below can tell a locked file from a free one
    assertThrows(OverlappingFileLockException.class, () -> lock(file));

    manager.close();

    assertUnlocked(file);
    leaked.close(); // harmless after the shutdown
  }

  @Test
  void theFileIsReleasedWhenTheBackendStops() throws Exception {
    TestBackend backend = TestBackend.builder()
        .config(Configs.h2Dir(dir))
        .defaultService(DatabaseServiceFactory.create())
        .add(BackendPlugin.create("user", env -> env.registerInit(Deps.of(CoreServices.DATABASE),
            deps -> Sql.exec(deps.get(CoreServices.DATABASE).getClient(), "CREATE TABLE t (v INT)"))))
        .start();
    assertThrows(OverlappingFileLockException.class, () -> lock(dir.resolve("user.mv.db")));

    backend.stop();

    assertUnlocked(dir.resolve("user.mv.db"));
  }

  private static void assertUnlocked(Path file) throws Exception {
    try (FileChannel ignored = null) {
      FileLock lock = lock(file);
      assertNotNull(lock, "another process holds " + file);
      lock.release();
    }
  }

  private static FileLock lock(Path file) throws Exception {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
      }
      return lock;
    } catch (RuntimeException e) {
      channel.close();
      throw e;
    }
  }
}
