package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.UrlReaderService;

/**
 * The {@code core.urlReader} factory: one set of readers per backend, built from the root config
 * at start (as upstream's {@code UrlReaders.default}), shared by every plugin.
 */
public final class UrlReaderServiceFactory {
  private UrlReaderServiceFactory() {}

  /** The factory, for a backend or a test. */
  public static ServiceFactory<UrlReaderService> create() {
    return ServiceFactory.of(CoreServices.URL_READER)
        .deps(CoreServices.ROOT_CONFIG)
        .createRootContext(deps -> UrlReaders.fromConfig(deps.get(CoreServices.ROOT_CONFIG)))
        .factoryWithContext((deps, readers) -> (UrlReaderService) readers);
  }
}
