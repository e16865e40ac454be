package dev.greenroom.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Polls a set of files by content digest (mtime granularity is too coarse for quick edits) and
 * calls {@code onChange} when one changes, appears or disappears. A poll rather than a
 * WatchService because included files live in arbitrary folders and editors replace files by
 * rename, which WatchService reports per folder and inconsistently across platforms.
 */
public final class FilePoller implements AutoCloseable {
  private final Supplier<Set<Path>> files;
  private final Runnable onChange;
  private final ScheduledExecutorService executor;
  private Map<Path, String> last;

  public FilePoller(Supplier<Set<Path>> files, Duration interval, Runnable onChange) {
    this.files = files;
    this.onChange = onChange;
    this.last = digests(files.get());
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "greenroom-config-watch");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(10, interval.toMillis());
    executor.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void poll() {
    Map<Path, String> now = digests(files.get());
    if (!now.equals(last)) {
      onChange.run();
      // The files to follow may have changed with the reload ($include added or removed). Keep
      // the digests taken BEFORE the reload for files already known: an edit made while the
      // reload ran must still look like a change to the next poll (at worst one extra reload).
      Map<Path, String> next = new HashMap<>();
      for (Path p : files.get()) {
        next.put(p, now.containsKey(p) ? now.get(p) : digest(p));
      }
      last = next;
    }
  }

  private static Map<Path, String> digests(Set<Path> paths) {
    Map<Path, String> out = new HashMap<>();
    for (Path p : paths) {
      out.put(p, digest(p));
    }
    return out;
  }

  private static String digest(Path p) {
    try {
      byte[] bytes = Files.readAllBytes(p);
      return Arrays.toString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchFileException e) {
      return "missing";
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
