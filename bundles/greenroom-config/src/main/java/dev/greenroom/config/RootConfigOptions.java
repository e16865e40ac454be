package dev.greenroom.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where configuration comes from and how it is kept current. Defaults: {@code app-config.yaml}
 * (+ {@code app-config.local.yaml}) in the working directory, the process environment, no
 * schemas, no watching.
 */
public final class RootConfigOptions {
  final Path configDir;
  final List<Path> files;
  final Map<String, String> env;
  final String defaults;
  final Supplier<List<ConfigSchema>> schemas;
  final Duration watchInterval;
  final Consumer<ConfigException> reloadErrors;

  private RootConfigOptions(Builder b) {
    this.configDir = b.configDir;
    this.files = List.copyOf(b.files);
    this.env = Map.copyOf(b.env);
    this.defaults = b.defaults;
    this.schemas = b.schemas;
    this.watchInterval = b.watchInterval;
    this.reloadErrors = b.reloadErrors;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Path configDir() {
    return configDir;
  }

  public List<Path> files() {
    return files;
  }

  /** Collects options; every setter is optional. */
  public static final class Builder {
    private Path configDir = Path.of(System.getProperty("user.dir", "."));
    private final List<Path> files = new ArrayList<>();
    private Map<String, String> env = System.getenv();
    private String defaults;
    private Supplier<List<ConfigSchema>> schemas = List::of;
    private Duration watchInterval;
    private Consumer<ConfigException> reloadErrors =
        e -> System.err.println("[greenroom-config] Config reload failed, keeping the previous config: " + e.getMessage());

    private Builder() {}

    /** The folder of {@code app-config.yaml}; relative {@link #files} resolve against it. */
    public Builder configDir(Path dir) {
      this.configDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Explicit files, merged in order; they replace the default pair. */
    public Builder files(List<Path> files) {
      this.files.clear();
      this.files.addAll(files);
      return this;
    }

    /** The environment for {@code ${VAR}}, {@code $env} and {@code APP_CONFIG_*} (tests pass a map). */
    public Builder env(Map<String, String> env) {
      this.env = Objects.requireNonNull(env, "env");
      return this;
    }

    /** Schemas validated on every load; asked again on each reload so new ones take effect. */
    public Builder schemas(Supplier<List<ConfigSchema>> schemas) {
      this.schemas = Objects.requireNonNull(schemas, "schemas");
      return this;
    }

    public Builder schemas(List<ConfigSchema> schemas) {
      List<ConfigSchema> copy = List.copyOf(schemas);
      return schemas(() -> copy);
    }

    /** Poll the files (and the files they include) at this interval; null turns watching off. */
    public Builder watch(Duration interval) {
      this.watchInterval = interval;
      return this;
    }

    /** Where a failed reload is reported (the old config stays); default: one line on stderr. */
    /**
     * Config a launch profile brings (YAML or JSON text, the framework property {@code
     * greenroom.config.defaults}): the lowest layer, below every file and the env overlay. Null or
     * blank for none (the default).
     */
    public Builder defaults(String yaml) {
      this.defaults = yaml;
      return this;
    }

    public Builder onReloadError(Consumer<ConfigException> sink) {
      this.reloadErrors = Objects.requireNonNull(sink, "sink");
      return this;
    }

    public RootConfigOptions build() {
      return new RootConfigOptions(this);
    }
  }
}
