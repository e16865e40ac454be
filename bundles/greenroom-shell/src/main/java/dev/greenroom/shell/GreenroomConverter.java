package dev.greenroom.shell;

import dev.greenroom.shell.text.Detail;
import dev.greenroom.shell.text.ShellFormatter;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Gogo asks every registered {@link Converter} to format a command's result before falling back
 * to {@code toString()}. This one formats Greenroom's state DTOs and lists of them through
 * {@link ShellFormatter}; it answers {@code null} for everything else and converts nothing.
 */
@Component(
    name = "dev.greenroom.shell.converter",
    service = Converter.class,
    property = {
      "osgi.converter.classes=dev.greenroom.backend.runtime.state.PluginDTO",
      "osgi.converter.classes=dev.greenroom.backend.runtime.state.ModuleDTO",
      "osgi.converter.classes=dev.greenroom.backend.runtime.state.ExtensionPointDTO",
      "osgi.converter.classes=dev.greenroom.backend.runtime.state.ServiceDTO",
      "osgi.converter.classes=dev.greenroom.backend.runtime.state.DiagnosisDTO",
      "osgi.converter.classes=dev.greenroom.backend.runtime.state.DeployFolderDTO",
      "osgi.converter.classes=dev.greenroom.backend.runtime.state.DeployProblemDTO",
      "osgi.converter.classes=dev.greenroom.database.migrations.MigrationHistoryDTO",
      "osgi.converter.classes=dev.greenroom.database.migrations.MigrationDTO"
    })
public class GreenroomConverter implements Converter {
  private final ShellFormatter formatter = new ShellFormatter();

  @Override
  public Object convert(Class<?> desiredType, Object in) {
    return null;
  }

  @Override
  public CharSequence format(Object target, int level, Converter escape) {
    return formatter.format(target, Detail.ofGogoLevel(level));
  }
}
