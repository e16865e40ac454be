package dev.greenroom.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads config and included files, remembering every path it touched so a watcher can follow them. */
public final class FileAccess {
  private final Set<Path> touched = new LinkedHashSet<>();

  /** The file's text; a missing file fails with Backstage's NotFoundError text. */
  public String read(Path file) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    touched.add(abs);
    try {
      return Files.readString(abs, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NotFound("failed to include \"" + abs + "\", file does not exist");
    }
  }

  /** Every file read (or attempted) so far, absolute. */
  public Set<Path> touched() {
    return Set.copyOf(touched);
  }

  /** Backstage's NotFoundError from the file reader. */
  public static final class NotFound extends IOException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }

    @Override
    public String toString() {
      return "NotFoundError: " + getMessage();
    }
  }
}
