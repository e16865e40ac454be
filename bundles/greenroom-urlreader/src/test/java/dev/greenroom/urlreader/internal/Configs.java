package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.test.base.MapConfigs;
import java.util.Map;

/** Config from maps for these tests. */
final class Configs {
  private Configs() {}

  static Config of(Map<String, Object> data) {
    return MapConfigs.rootConfig(data);
  }
}
