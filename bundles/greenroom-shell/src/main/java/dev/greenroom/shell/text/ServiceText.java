package dev.greenroom.shell.text;

import dev.greenroom.backend.runtime.state.ServiceDTO;
import java.util.List;

/** Text for {@code greenroom:services}. */
final class ServiceText {
  private ServiceText() {}

  /** ID, SCOPE, MULTITON, SOURCE, IMPLEMENTATION (last: class names are long). */
  static String table(List<ServiceDTO> services) {
    if (services.isEmpty()) {
      return "No services.";
    }
    TextTable table = new TextTable("ID", "SCOPE", "MULTITON", "SOURCE", "IMPLEMENTATION");
    for (ServiceDTO s : services) {
      table.row(s.id(), s.scope(), s.multiton() ? "yes" : "no", s.source(), s.implementation());
    }
    return table.render();
  }

  static String line(ServiceDTO s) {
    return s.id() + "  " + s.scope() + (s.multiton() ? " multiton" : "") + "  "
        + Cells.text(s.source()) + "  " + Cells.text(s.implementation());
  }
}
