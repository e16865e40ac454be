package dev.greenroom.frontend.runtime.internal.osgi;

import dev.greenroom.frontend.runtime.TreeVisualizer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code greenroom:tree}: prints the current frontend extension tree. */
@Component(
    service = TreeCommand.class, // toolchain pitfall 8: a command component must register a service
    property = {"osgi.command.scope=greenroom", "osgi.command.function=tree"})
public class TreeCommand {
  @Reference private FrontendWhiteboard whiteboard;

  /** The tree as text: ids, state, plugin, outputs, inputs with their children, then errors. */
  public String tree() {
    return TreeVisualizer.text(whiteboard.live().current());
  }
}
