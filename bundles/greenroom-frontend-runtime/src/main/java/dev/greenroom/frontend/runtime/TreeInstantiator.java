package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.ConfigValidationException;
import dev.greenroom.frontend.api.CoreExtensionData;
import dev.greenroom.frontend.api.Extension;
import dev.greenroom.frontend.api.ExtensionBoundary;
import dev.greenroom.frontend.api.ExtensionConfig;
import dev.greenroom.frontend.api.ExtensionContext;
import dev.greenroom.frontend.api.ExtensionDataContainer;
import dev.greenroom.frontend.api.ExtensionDataRef;
import dev.greenroom.frontend.api.ExtensionDataValue;
import dev.greenroom.frontend.api.ExtensionFactoryError;
import dev.greenroom.frontend.api.ExtensionFactoryMiddleware;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.ExtensionInputs;
import dev.greenroom.frontend.api.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Instantiates the active part of the tree, children before parents ({@code
 * instantiateAppNodeTree}, frontend-app-api/src/tree/instantiateAppNodeTree.ts). Errors go to the collector; a failed node has no instance.
 */
final class TreeInstantiator {
  /** Thrown inside one node's instantiation after its errors were reported. */
  private static final class InstantiationFailed extends Exception {
    private static final long serialVersionUID = 1L;

    InstantiationFailed() {
      super(null, null, false, false);
    }
  }

  private static final InstantiationFailed FAILED = new InstantiationFailed();

  private final ErrorCollector collector;
  private final Map<String, Object> predicateContext;
  private final Consumer<String> warnings;
  private final ExtensionFactoryMiddleware middleware;
  private final Set<AppNode> visited = new HashSet<>();

  TreeInstantiator(ErrorCollector collector, Map<String, Object> predicateContext, Consumer<String> warnings) {
    this(collector, predicateContext, warnings, null);
  }

  TreeInstantiator(
      ErrorCollector collector,
      Map<String, Object> predicateContext,
      Consumer<String> warnings,
      ExtensionFactoryMiddleware middleware) {
    this.collector = collector;
    this.predicateContext = predicateContext;
    this.warnings = warnings;
    this.middleware = middleware;
  }

  /** True when the root got an instance. */
  boolean instantiate(AppNode root) {
    return createInstance(root) != null;
  }

  private AppNodeInstance createInstance(AppNode node) {
    if (node.instance() != null) {
      return node.instance();
    }
    if (!visited.add(node)) {
      return null; // already tried in this pass and failed
    }
    AppNodeSpec spec = node.spec();
    if (spec.disabled()) {
      return null;
    }
    if (spec.predicate() != null && !spec.predicate().test(predicateContext)) {
      return null;
    }
    Map<String, List<AppNode>> instantiated = new LinkedHashMap<>();
    for (Map.Entry<String, List<AppNode>> e : node.attachments().entrySet()) {
      List<AppNode> children = new ArrayList<>();
      for (AppNode child : e.getValue()) {
        if (createInstance(child) != null) {
          children.add(child);
        }
      }
      if (!children.isEmpty()) {
        instantiated.put(e.getKey(), children);
      }
    }
    AppNodeInstance instance = createNodeInstance(node, instantiated);
    node.setInstance(instance);
    return instance;
  }

  private AppNodeInstance createNodeInstance(AppNode node, Map<String, List<AppNode>> attachments) {
    AppNodeSpec spec = node.spec();
    String id = spec.id();
    Extension extension = spec.extension();
    ErrorCollector.Ctx ctx = ErrorCollector.Ctx.NONE.node(id);

    Map<String, Object> parsedConfig;
    try {
      parsedConfig =
          extension.configSchema() == null
              ? Map.of()
              : extension.configSchema().parse(spec.config() == null ? Map.of() : spec.config());
    } catch (ConfigValidationException e) {
      collector.report(
          "EXTENSION_CONFIGURATION_INVALID",
          "Invalid configuration for extension '" + id + "'; caused by Error: " + e.getMessage(),
          ctx);
      return null;
    }

    try {
      reportUndeclaredAttachments(id, extension.inputs(), attachments);
      ExtensionInputs inputs = resolveInputs(node, extension.inputs(), attachments, ctx);
      ExtensionConfig config = new ExtensionConfig(parsedConfig);
      ExtensionContext context = ExtensionContext.of(node, config, inputs);
      Iterable<? extends ExtensionDataValue<?>> output = runFactory(extension, context);
      if (output == null) {
        throw new ExtensionFactoryError("extension factory did not provide an iterable object");
      }
      return collectOutput(id, extension.output(), output, ctx);
    } catch (InstantiationFailed e) {
      return null;
    } catch (Exception | LinkageError e) {
      collector.report("EXTENSION_FACTORY_ERROR", "Failed to instantiate extension '" + id + "'" + describe(e), ctx);
      return null;
    }
  }

  /**
   * The factory, through the middleware when there is one: the middleware's original returns the
   * factory's output unverified (the declared output is checked afterwards, as for any factory).
   */
  private Iterable<? extends ExtensionDataValue<?>> runFactory(Extension extension, ExtensionContext context)
      throws Exception {
    if (middleware == null) {
      return extension.factory().create(context);
    }
    return ExtensionDataContainer.of(
        middleware.apply(
            changes ->
                ExtensionDataContainer.of(
                    extension.factory().create(changes.applyTo(context)), "extension factory"),
            context),
        "extension factory middleware");
  }

  /** Backstage: plain {@code Error} gives {@code , <message>}, others {@code ; caused by <Name>: <msg>}. */
  private static String describe(Throwable e) {
    boolean plain =
        e.getClass() == RuntimeException.class
            || e.getClass() == Exception.class
            || e.getClass() == ExtensionFactoryError.class;
    return plain
        ? ", " + e.getMessage()
        : "; caused by " + e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private AppNodeInstance collectOutput(
      String id,
      List<ExtensionDataRef<?>> declared,
      Iterable<? extends ExtensionDataValue<?>> output,
      ErrorCollector.Ctx ctx)
      throws InstantiationFailed {
    Map<String, Object> outputData = new LinkedHashMap<>();
    boolean failed = false;
    for (ExtensionDataValue<?> value : output) {
      if (outputData.containsKey(value.id())) {
        collector.report(
            "EXTENSION_OUTPUT_CONFLICT",
            "extension factory output duplicate data '" + value.id() + "'",
            ctx.dataRef(value.id()));
        failed = true;
      } else {
        outputData.put(value.id(), value.value());
      }
    }
    if (failed) {
      throw FAILED;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    List<ExtensionDataRef<?>> refs = new ArrayList<>();
    for (ExtensionDataRef<?> ref : declared) {
      Object value = outputData.remove(ref.id());
      if (value == null) {
        if (!ref.isOptional()) {
          collector.report(
              "EXTENSION_OUTPUT_MISSING",
              "missing required extension data output '" + ref.id() + "'",
              ctx.dataRef(ref.id()));
          throw FAILED;
        }
        continue;
      }
      if (ref.id().equals(CoreExtensionData.VIEW.id()) && value instanceof View view) {
        value = ExtensionBoundary.wrap(id, view); // every view renders inside its own boundary
      }
      data.put(ref.id(), value);
      refs.add(ref);
    }
    for (String extra : outputData.keySet()) {
      collector.report("EXTENSION_OUTPUT_IGNORED", "unexpected output '" + extra + "'", ctx.dataRef(extra));
    }
    return new AppNodeInstance(data, List.copyOf(refs));
  }

  private ExtensionInputs resolveInputs(
      AppNode node,
      Map<String, ExtensionInput> declared,
      Map<String, List<AppNode>> attachments,
      ErrorCollector.Ctx parentCtx)
      throws InstantiationFailed {
    Map<String, Object> resolved = new LinkedHashMap<>();
    boolean failed = false;
    for (Map.Entry<String, ExtensionInput> e : declared.entrySet()) {
      try {
        resolved.put(e.getKey(), resolveInput(node, e.getKey(), e.getValue(), attachments, parentCtx));
      } catch (InstantiationFailed f) {
        failed = true;
      }
    }
    if (failed) {
      throw FAILED;
    }
    return new ResolvedInputs(node.id(), resolved);
  }

  private Object resolveInput(
      AppNode node,
      String inputName,
      ExtensionInput input,
      Map<String, List<AppNode>> attachments,
      ErrorCollector.Ctx parentCtx)
      throws InstantiationFailed {
    ErrorCollector.Ctx ctx = parentCtx.input(inputName);
    List<AppNode> attached = attachments.getOrDefault(inputName, List.of());
    if (input.isInternal()) {
      String inputPluginId = node.pluginId();
      List<AppNode> kept = new ArrayList<>();
      for (AppNode a : attached) {
        if (a.pluginId().equals(inputPluginId)) {
          kept.add(a);
          continue;
        }
        collector.report(
            "EXTENSION_INPUT_INTERNAL_IGNORED",
            "extension '" + a.id() + "' from plugin '" + a.pluginId() + "' attached to input '"
                + inputName + "' on '" + node.id() + "' was ignored, the input is marked as internal"
                + " and attached extensions must therefore be provided via an override or a module"
                + " for the '" + inputPluginId + "' plugin, not the '" + a.pluginId() + "' plugin",
            ctx.extension(a.id(), a.pluginId()));
      }
      attached = kept;
    }

    if (input.isSingleton()) {
      if (attached.size() > 1) {
        collector.report(
            "EXTENSION_ATTACHMENT_CONFLICT",
            "expected " + (input.isOptional() ? "at most" : "exactly") + " one '" + inputName
                + "' input but received multiple: '"
                + String.join("', '", attached.stream().map(AppNode::id).toList()) + "'",
            ctx);
        throw FAILED;
      }
      if (attached.isEmpty()) {
        if (!input.isOptional()) {
          collector.report(
              "EXTENSION_ATTACHMENT_MISSING", "input '" + inputName + "' is required but was not received", ctx);
          throw FAILED;
        }
        return null;
      }
      try {
        return inputValue(input.dataRefs(), attached.get(0), inputName, ctx);
      } catch (InstantiationFailed f) {
        if (input.isOptional()) {
          return null;
        }
        collector.report(
            "EXTENSION_ATTACHMENT_MISSING",
            "input '" + inputName + "' is required but it failed to be instantiated",
            ctx);
        throw f;
      }
    }

    List<ResolvedInputs.Value> values = new ArrayList<>(attached.size());
    for (AppNode a : attached) {
      try {
        values.add(inputValue(input.dataRefs(), a, inputName, ctx));
      } catch (InstantiationFailed f) {
        // a list input drops the attachment that does not fit and keeps the others
      }
    }
    return List.copyOf(values);
  }

  private ResolvedInputs.Value inputValue(
      List<ExtensionDataRef<?>> refs, AppNode attachment, String inputName, ErrorCollector.Ctx ctx)
      throws InstantiationFailed {
    Map<String, Object> data = new LinkedHashMap<>();
    boolean failed = false;
    for (ExtensionDataRef<?> ref : refs) {
      if (data.containsKey(ref.id())) {
        collector.report("EXTENSION_INPUT_DATA_IGNORED", "Unexpected duplicate input data '" + ref.id() + "'", ctx);
        continue;
      }
      Object value = attachment.instance().get(ref);
      if (value == null && !ref.isOptional()) {
        String expected =
            String.join(", ", refs.stream().filter(r -> !r.isOptional()).map(r -> "'" + r.id() + "'").toList());
        String provided =
            String.join(", ", attachment.instance().dataRefs().stream().map(r -> "'" + r.id() + "'").toList());
        collector.report(
            "EXTENSION_INPUT_DATA_MISSING",
            "extension '" + attachment.id() + "' could not be attached because its output data ("
                + provided + ") does not match what the input '" + inputName + "' requires ("
                + expected + ")",
            ctx.node(attachment.id()));
        failed = true;
        continue;
      }
      if (value != null) {
        data.put(ref.id(), value);
      }
    }
    if (failed) {
      throw FAILED;
    }
    return new ResolvedInputs.Value(attachment, data);
  }

  private void reportUndeclaredAttachments(
      String id, Map<String, ExtensionInput> inputs, Map<String, List<AppNode>> attachments) {
    List<String> inputNames = new ArrayList<>(inputs.keySet());
    for (Map.Entry<String, List<AppNode>> e : attachments.entrySet()) {
      if (inputs.containsKey(e.getKey())) {
        continue;
      }
      List<AppNode> nodes = e.getValue();
      boolean plural = nodes.size() > 1;
      warnings.accept(
          "The extension" + (plural ? "s" : "") + " '"
              + String.join("', '", nodes.stream().map(AppNode::id).toList()) + "' "
              + (plural ? "are" : "is") + " attached to the input '" + e.getKey()
              + "' of the extension '" + id + "', but it "
              + (inputNames.isEmpty()
                  ? "has no inputs"
                  : "has no such input (candidates are '" + String.join("', '", inputNames) + "')"));
    }
  }
}
