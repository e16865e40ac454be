package dev.greenroom.config;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.RootConfigService;
import java.util.function.Supplier;

/** The {@code core.rootConfig} service factory: add it to a backend (or TestBackend) to replace the default loader. */
public final class RootConfigFactory {
  private RootConfigFactory() {}

  /** A factory that loads a new {@link LiveRootConfig} from {@code options} each time the backend starts. */
  public static ServiceFactory<RootConfigService> create(RootConfigOptions options) {
    return create(() -> LiveRootConfig.load(options));
  }

  /** A factory answering with whatever {@code config} supplies (the OSGi adapter shares one live config). */
  public static ServiceFactory<RootConfigService> create(Supplier<? extends RootConfigService> config) {
    return ServiceFactory.of(CoreServices.ROOT_CONFIG).factory(deps -> config.get());
  }
}
