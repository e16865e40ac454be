package dev.greenroom.backend.api.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link UrlReaderService#readTree}: Backstage's {@code
 * UrlReaderServiceReadTreeResponse}, with the files read eagerly.
 *
 * @param files the files of the tree, paths relative to its root with {@code /} separators
 * @param etag the commit (or other version) the tree was read at, for later reads
 */
public record ReadTreeResponse(List<File> files, String etag) {
  /** Copies the file list. */
  public ReadTreeResponse {
    files = List.copyOf(files);
    Objects.requireNonNull(etag, "etag");
  }

  /**
   * Writes the tree under {@code targetDir} (Backstage's {@code dir()}); paths stay inside it.
   *
   * @param targetDir the directory to write to; created if needed
   * @return {@code targetDir}
   * @throws IOException if a file cannot be written
   */
  public Path writeTo(Path targetDir) throws IOException {
    Path root = targetDir.toAbsolutePath().normalize();
    for (File f : files) {
      Path target = root.resolve(f.path()).normalize();
      if (!target.startsWith(root)) {
        throw new IOException("Refusing to write " + f.path() + " outside " + root);
      }
      Files.createDirectories(target.getParent());
      Files.write(target, f.content());
    }
    return targetDir;
  }

  /**
   * One file of a tree.
   *
   * @param path the path relative to the tree's root
   * @param content the file's bytes
   * @param lastModifiedAt when it last changed, if the source says; may be null
   */
  public record File(String path, byte[] content, Instant lastModifiedAt) {
    /** Checks the path and content are present. */
    public File {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(content, "content");
    }
  }
}
