package dev.greenroom.shell;

import static dev.greenroom.shell.text.Fixtures.CATALOG;
import static dev.greenroom.shell.text.Fixtures.SCAFFOLDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.database.migrations.MigrationDTO;
import dev.greenroom.database.migrations.MigrationHistoryDTO;
import dev.greenroom.database.migrations.MigrationHistoryService;
import dev.greenroom.shell.text.Detail;
import dev.greenroom.shell.text.DtoList;
import dev.greenroom.shell.text.ShellFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** greenroom:migrations: plugin checks, the repair action, and the DTOs it returns. */
class MigrationCommandsTest {
  private static final MigrationHistoryDTO FAILED = new MigrationHistoryDTO("catalog", "db/migration/catalog",
      "flyway_schema_history", List.of(
          new MigrationDTO("1", "create entities", "SUCCESS", Instant.parse("2026-12-06T06:00:00Z"), "V1__create_entities.sql"),
          new MigrationDTO("2", "add tags", "FAILED", Instant.parse("2026-12-06T06:00:01Z"), "V2__add_tags.sql")),
      List.of());

  /** Answers what the test put in and records the calls. */
  private static final class FakeHistories implements MigrationHistoryService {
    final List<String> calls = new ArrayList<>();

    @Override
    public List<MigrationHistoryDTO> info(String pluginId) {
      calls.add("info " + pluginId);
      return List.of(FAILED);
    }

    @Override
    public List<MigrationHistoryDTO> repair(String pluginId) {
      calls.add("repair " + pluginId);
      return List.of();
    }
  }

  private final FakeRuntime runtime = new FakeRuntime();
  private final FakeHistories histories = new FakeHistories();
  private final MigrationCommands commands = new MigrationCommands(runtime, histories);

  @BeforeEach
  void plugins() {
    runtime.plugins.addAll(List.of(CATALOG, SCAFFOLDER));
  }

  @Test
  void infoAndRepairGoToTheService() {
    assertEquals(List.of(FAILED), commands.migrations("catalog"));
    List<MigrationHistoryDTO> repaired = commands.migrations("scaffolder", "repair");
    assertEquals(MigrationHistoryDTO.class, ((DtoList<?>) repaired).elementType(), "an empty result still formats");
    assertEquals(List.of("info catalog", "repair scaffolder"), histories.calls);
    assertEquals("No migrations.", new ShellFormatter().format(repaired, Detail.INSPECT));
  }

  @Test
  void anUnknownPluginIsNamedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.migrations("nope", "repair"));
    assertEquals("No plugin with id 'nope'. Known plugins: catalog, scaffolder", e.getMessage());
    assertEquals(List.of(), histories.calls);
  }

  @Test
  void anUnknownActionIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.migrations("catalog", "clean"));
    assertEquals("Unknown action 'clean' for greenroom:migrations catalog: the only action is 'repair'", e.getMessage());
    assertEquals(List.of(), histories.calls);
  }

  @Test
  void aFailedMigrationIsATableWithTheWayOut() {
    ShellFormatter f = new ShellFormatter();
    assertEquals(String.join("\n",
        "Plugin 'catalog', db/migration/catalog (history table flyway_schema_history)",
        "VERSION  DESCRIPTION      STATE    INSTALLED ON          SCRIPT",
        "1        create entities  SUCCESS  2026-12-06T06:00:00Z  V1__create_entities.sql",
        "2        add tags         FAILED   2026-12-06T06:00:01Z  V2__add_tags.sql",
        "A failed migration stops the plugin's start: fix its script (and undo what it did), then run"
            + " greenroom:migrations catalog repair"),
        f.format(DtoList.of(MigrationHistoryDTO.class, List.of(FAILED)), Detail.INSPECT));
    assertEquals("Plugin 'catalog', db/migration/catalog (history table flyway_schema_history): 2 migrations, 1 failed",
        f.format(FAILED, Detail.LINE));
    MigrationHistoryDTO repaired = new MigrationHistoryDTO("catalog", "db/migration/catalog", "flyway_schema_history",
        List.of(FAILED.migrations().get(0)), List.of("removed failed migration 2 (add tags)"));
    assertEquals(String.join("\n",
        "Plugin 'catalog', db/migration/catalog (history table flyway_schema_history)",
        "VERSION  DESCRIPTION      STATE    INSTALLED ON          SCRIPT",
        "1        create entities  SUCCESS  2026-12-06T06:00:00Z  V1__create_entities.sql",
        "Repaired: removed failed migration 2 (add tags)"),
        f.format(repaired, Detail.INSPECT));
  }
}
