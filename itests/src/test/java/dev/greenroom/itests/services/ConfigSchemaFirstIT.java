package dev.greenroom.itests.services;

import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * {@link ConfigSchemaIT} with the schema's bundle started first (start level 1), so the config
 * bundle tracks the plugin's schema before its first load: the outcome must be the same, that one
 * plugin failing and a failed reload logged, not the root start failing and the whole backend with
 * it. ConfigSchemaIT alone got this order now and then (a flaky CI run); here it is every time.
 */
public class ConfigSchemaFirstIT extends ConfigSchemaIT {
  @Override
  protected Option[] moreOptions() {
    return new Option[] {
      ((UrlProvisionOption) fixtureBundle("svc-schema")).startLevel(1),
      frameworkProperty("greenroom.config.watch.interval").value("100"),
    };
  }
}
