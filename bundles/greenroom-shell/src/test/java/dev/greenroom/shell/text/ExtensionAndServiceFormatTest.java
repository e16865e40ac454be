package dev.greenroom.shell.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import dev.greenroom.backend.runtime.state.ServiceDTO;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionAndServiceFormatTest {
  private final ShellFormatter formatter = new ShellFormatter();

  @Test
  void extensionPointsShowOwnerPluginAndProvidingModule() {
    assertEquals(String.join("\n",
        "ID                  PLUGIN      PROVIDED BY       TYPE",
        "catalog.processing  catalog     plugin            "
            + "dev.greenroom.catalog.CatalogProcessingExtensionPoint",
        "scaffolder.actions  scaffolder  module templates  "
            + "dev.greenroom.scaffolder.ActionsExtensionPoint"),
        formatter.format(List.of(Fixtures.PROCESSING, Fixtures.ACTIONS), Detail.INSPECT));
    assertEquals("No extension points.",
        formatter.format(DtoList.of(ExtensionPointDTO.class, List.of()), Detail.INSPECT));
  }

  @Test
  void servicesShowScopeSourceAndImplementation() {
    assertEquals(String.join("\n",
        "ID               SCOPE   MULTITON  SOURCE   IMPLEMENTATION",
        "core.rootConfig  root    no        default  dev.greenroom.config.ConfigFactory",
        "core.database    plugin  no        missing  -"),
        formatter.format(List.of(Fixtures.ROOT_CONFIG, Fixtures.DATABASE), Detail.INSPECT));
    assertEquals("No services.",
        formatter.format(DtoList.of(ServiceDTO.class, List.of()), Detail.INSPECT));
  }
}
