package dev.greenroom.shell.text;

import dev.greenroom.backend.runtime.state.DeployFolderDTO;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.ServiceDTO;
import java.util.Collection;
import java.util.List;

/**
 * Turns the runtime's state DTOs, and lists of them, into aligned text. Plain Java: the Gogo
 * converter delegates here, and so can anything else that wants the same text (tests, HTTP).
 *
 * <p>{@link #format} answers {@code null} for anything it does not know, so that a caller (Gogo)
 * can fall back to its default formatting. Lists are formatted as tables at {@link
 * Detail#INSPECT} only; at the other levels the caller lists the elements itself.
 */
public final class ShellFormatter {
  /** The DTO types this formatter knows, in no particular order. */
  public static final List<Class<?>> TYPES = List.of(
      PluginDTO.class, ModuleDTO.class, ExtensionPointDTO.class, ServiceDTO.class,
      DiagnosisDTO.class, DeployFolderDTO.class, DeployProblemDTO.class);

  /**
   * Whether the database bundle's migration DTOs are wired (an optional import: a launch without
   * greenroom-database still has every other command). {@link MigrationText} is only touched then.
   */
  private static final boolean MIGRATIONS = available("dev.greenroom.database.migrations.MigrationHistoryDTO");

  public CharSequence format(Object target, Detail detail) {
    if (target instanceof Collection<?> c) {
      if (detail != Detail.INSPECT) {
        return null;
      }
      CharSequence table = table(c);
      return table == null && MIGRATIONS ? MigrationText.table(c) : table;
    }
    if (target instanceof PluginDTO p) {
      return switch (detail) {
        case INSPECT -> PluginText.detail(p);
        case LINE -> PluginText.line(p);
        case PART -> p.pluginId();
      };
    }
    if (target instanceof ModuleDTO m) {
      return detail == Detail.PART ? m.pluginId() + "/" + m.moduleId() : PluginText.line(m);
    }
    if (target instanceof ExtensionPointDTO e) {
      return detail == Detail.PART ? e.id() : ExtensionPointText.line(e);
    }
    if (target instanceof ServiceDTO s) {
      return detail == Detail.PART ? s.id() : ServiceText.line(s);
    }
    if (target instanceof DiagnosisDTO d) {
      return switch (detail) {
        case INSPECT -> DiagnosisText.block(d);
        case LINE -> DiagnosisText.line(d);
        case PART -> d.pluginId();
      };
    }
    if (target instanceof DeployFolderDTO d) {
      return switch (detail) {
        case INSPECT -> DeployText.block(d);
        case LINE -> DeployText.line(d);
        case PART -> Cells.text(d.folder());
      };
    }
    if (target instanceof DeployProblemDTO p) {
      return detail == Detail.PART ? DeployText.fileName(p) : p.message();
    }
    return MIGRATIONS ? MigrationText.format(target, detail) : null;
  }

  private static boolean available(String className) {
    try {
      Class.forName(className, false, ShellFormatter.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError notWired) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static CharSequence table(Collection<?> c) {
    Class<?> type = elementType(c);
    if (type == null) {
      return null;
    }
    List<?> list = List.copyOf(c);
    if (type == PluginDTO.class) {
      return PluginText.table((List<PluginDTO>) list);
    }
    if (type == ModuleDTO.class) {
      return PluginText.modules((List<ModuleDTO>) list);
    }
    if (type == ExtensionPointDTO.class) {
      return ExtensionPointText.table((List<ExtensionPointDTO>) list);
    }
    if (type == ServiceDTO.class) {
      return ServiceText.table((List<ServiceDTO>) list);
    }
    if (type == DiagnosisDTO.class) {
      return DiagnosisText.blocks((List<DiagnosisDTO>) list);
    }

    return null; // lists of the deploy DTOs print element by element
  }

  /** The DTO type of every element, or null if the elements are not all of one known type. */
  private static Class<?> elementType(Collection<?> c) {
    if (c instanceof DtoList<?> typed) {
      return TYPES.contains(typed.elementType()) ? typed.elementType() : null;
    }
    Class<?> type = null;
    for (Object o : c) {
      Class<?> k = o == null ? null : o.getClass();
      if (k == null || !TYPES.contains(k) || (type != null && type != k)) {
        return null;
      }
      type = k;
    }
    return type;
  }
}
