package dev.greenroom.frontend.runtime;

import java.util.ArrayList;
import java.util.List;

/** Collects errors instead of throwing ({@code createErrorCollector}). */
final class ErrorCollector {
  private final List<AppError> errors = new ArrayList<>();

  void report(String code, String message, Ctx ctx) {
    errors.add(
        new AppError(
            code, message, ctx.nodeId, ctx.inputName, ctx.extensionId, ctx.pluginId, ctx.dataRefId));
  }

  List<AppError> errors() {
    return List.copyOf(errors);
  }

  /** Error context; {@code with*} return copies, like Backstage's {@code collector.child(...)}. */
  static final class Ctx {
    static final Ctx NONE = new Ctx(null, null, null, null, null);
    final String nodeId;
    final String inputName;
    final String extensionId;
    final String pluginId;
    final String dataRefId;

    private Ctx(String nodeId, String inputName, String extensionId, String pluginId, String dataRefId) {
      this.nodeId = nodeId;
      this.inputName = inputName;
      this.extensionId = extensionId;
      this.pluginId = pluginId;
      this.dataRefId = dataRefId;
    }

    Ctx node(String id) {
      return new Ctx(id, inputName, extensionId, pluginId, dataRefId);
    }

    Ctx input(String name) {
      return new Ctx(nodeId, name, extensionId, pluginId, dataRefId);
    }

    Ctx extension(String id, String plugin) {
      return new Ctx(nodeId, inputName, id, plugin, dataRefId);
    }

    Ctx dataRef(String id) {
      return new Ctx(nodeId, inputName, extensionId, pluginId, id);
    }
  }
}
