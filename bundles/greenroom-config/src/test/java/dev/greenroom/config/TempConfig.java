package dev.greenroom.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes real config files into a JUnit temp dir and loads them with an injected env. */
final class TempConfig {
  final Path dir;

  TempConfig(Path dir) {
    this.dir = dir;
  }

  Path write(String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return p.toAbsolutePath().normalize();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LiveRootConfig load(Map<String, String> env) {
    return LiveRootConfig.load(RootConfigOptions.builder().configDir(dir).env(env).build());
  }

  LiveRootConfig load() {
    return load(Map.of());
  }

  String abs(String name) {
    return dir.resolve(name).toAbsolutePath().normalize().toString();
  }
}
