package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.services.ReadTreeResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a source archive (GitHub's zipball, GitLab's archive.zip) into tree files: drops the
 * archive's single top directory, keeps the files under {@code subpath}, applies the caller's
 * filter. Entries that would leave the tree ({@code ..}, absolute paths: upstream's
 * {@code mallory.zip} case) are refused, and the unpacked size is bounded like a download.
 */
final class ZipTree {
  private ZipTree() {}

  static List<ReadTreeResponse.File> files(byte[] zip, String subpath, BiPredicate<String, Long> filter, String url) {
    String prefix = subpath == null || subpath.isEmpty() ? "" : (subpath.endsWith("/") ? subpath : subpath + "/");
    List<ReadTreeResponse.File> out = new ArrayList<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
          throw new IllegalStateException("Refusing archive of " + url + ": entry '" + name + "' leaves the tree");
        }
        if (entry.isDirectory()) {
          continue;
        }
        int slash = name.indexOf('/');
        String inRepo = slash < 0 ? name : name.substring(slash + 1);
        if (!inRepo.startsWith(prefix)) {
          continue;
        }
        String path = inRepo.substring(prefix.length());
        byte[] content = readEntry(in);
        total += content.length;
        if (total > Http.MAX_BYTES) {
          throw new IllegalStateException("Refusing archive of " + url + ": more than " + Http.MAX_BYTES + " bytes unpacked");
        }
        if (filter != null && !filter.test(path, (long) content.length)) {
          continue;
        }
        Instant modified = entry.getLastModifiedTime() == null ? null : entry.getLastModifiedTime().toInstant();
        out.add(new ReadTreeResponse.File(path, content, modified));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Unable to read the archive of " + url + ", " + e, e);
    }
    return out;
  }

  private static byte[] readEntry(ZipInputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > Http.MAX_BYTES) {
        throw new IOException("entry larger than " + Http.MAX_BYTES + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
