package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the app tree: ids, plugin, attachment, inputs, state (active, disabled, inactive, failed),
 * outputs and errors; as plain text (for a shell command) or as an HTML page.
 */
public final class TreeVisualizer {
  private TreeVisualizer() {}

  /** Plain text: one node per line, children indented under their input. */
  public static String text(FrontendApp app) {
    StringBuilder sb = new StringBuilder();
    if (app.tree() == null) {
      sb.append("App startup failed: no tree\n");
    } else {
      Map<String, List<AppError>> byNode = errorsByNode(app);
      textNode(sb, app.tree().root(), "", byNode);
      if (!app.tree().orphans().isEmpty()) {
        sb.append("orphans (attachment target does not exist):\n");
        for (AppNode o : app.tree().orphans()) {
          sb.append("  ").append(o.id()).append(" -> ").append(attachText(o.spec())).append('\n');
        }
      }
    }
    if (!app.errors().isEmpty()) {
      sb.append("errors:\n");
      for (AppError e : app.errors()) {
        sb.append("  ").append(e.isWarning() ? "warning " : "ERROR ").append(e.code()).append(": ")
            .append(e.message()).append('\n');
      }
    }
    return sb.toString();
  }

  private static void textNode(StringBuilder sb, AppNode node, String indent, Map<String, List<AppError>> byNode) {
    sb.append(indent).append(node.id()).append(" [").append(state(node, byNode)).append("] plugin=")
        .append(node.pluginId());
    if (node.instance() != null && !node.instance().dataRefs().isEmpty()) {
      sb.append(" out=[")
          .append(String.join(", ", node.instance().dataRefs().stream().map(r -> r.id()).toList()))
          .append(']');
    }
    sb.append('\n');
    for (AppError e : byNode.getOrDefault(node.id(), List.of())) {
      sb.append(indent).append("  ! ").append(e.code()).append(": ").append(e.message()).append('\n');
    }
    for (Map.Entry<String, List<AppNode>> in : inputsOf(node).entrySet()) {
      ExtensionInput declared = node.spec().extension().inputs().get(in.getKey());
      sb.append(indent).append("  ").append(in.getKey()).append(' ')
          .append(declared == null ? "(undeclared input)" : declared.toString()).append('\n');
      for (AppNode child : in.getValue()) {
        textNode(sb, child, indent + "    ", byNode);
      }
    }
  }

  /** An HTML page with the tree, the orphans and the error list. */
  public static Html html(FrontendApp app) {
    Map<String, List<AppError>> byNode = errorsByNode(app);
    Html tree =
        app.tree() == null
            ? Html.raw("<p>The tree could not be built.</p>")
            : Html.of("<ul>{}</ul>", htmlNode(app.tree().root(), byNode));
    List<Html> orphans = new ArrayList<>();
    if (app.tree() != null) {
      for (AppNode o : app.tree().orphans()) {
        orphans.add(Html.of("<li><span class=\"id\">{}</span> <span class=\"meta\">attachTo {}</span></li>",
            o.id(), attachText(o.spec())));
      }
    }
    List<Html> errors = new ArrayList<>();
    for (AppError e : app.errors()) {
      errors.add(Html.of("<li><span class=\"badge {}\">{}</span> <code>{}</code> {}</li>",
          e.isWarning() ? "off" : "err", e.isWarning() ? "warning" : "error", e.code(), e.message()));
    }
    return Html.of(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Extension tree</title>"
            + "<style>{}</style></head><body><main class=\"gr-main\"><h1>Extension tree</h1>"
            + "<div class=\"gr-tree\">{}</div><h2>Orphans</h2><ul>{}</ul><h2>Errors</h2>"
            + "<ul class=\"gr-errors\">{}</ul></main></body></html>",
        Html.raw(VISUALIZER_CSS),
        tree,
        orphans.isEmpty() ? Html.raw("<li>none</li>") : Html.concat(orphans),
        errors.isEmpty() ? Html.raw("<li>none</li>") : Html.concat(errors));
  }

  private static Html htmlNode(AppNode node, Map<String, List<AppError>> byNode) {
    String state = state(node, byNode);
    String badge = switch (state) {
      case "active" -> "ok";
      case "failed" -> "err";
      default -> "off";
    };
    List<Html> parts = new ArrayList<>();
    String out = node.instance() == null ? "" : String.join(", ",
        node.instance().dataRefs().stream().map(r -> r.id()).toList());
    parts.add(Html.of(
        "<div class=\"node\" data-id=\"{}\"><span class=\"id\">{}</span><span class=\"badge {}\">{}</span>"
            + "<div class=\"meta\">plugin {} · attachTo {}{}</div>{}</div>",
        node.id(), node.id(), badge, state, node.pluginId(), attachText(node.spec()),
        out.isEmpty() ? Html.empty() : Html.of(" · out [{}]", out),
        Html.concat(byNode.getOrDefault(node.id(), List.of()).stream()
            .map(e -> Html.of("<div class=\"gr-extension-error\"><code>{}</code> {}</div>", e.code(), e.message()))
            .toList())));
    List<Html> inputs = new ArrayList<>();
    for (Map.Entry<String, List<AppNode>> in : inputsOf(node).entrySet()) {
      ExtensionInput declared = node.spec().extension().inputs().get(in.getKey());
      List<Html> children = new ArrayList<>();
      for (AppNode child : in.getValue()) {
        children.add(htmlNode(child, byNode));
      }
      inputs.add(Html.of("<li><span class=\"input\">{} {}</span><ul>{}</ul></li>", in.getKey(),
          declared == null ? "(undeclared input)" : declared.toString(), Html.concat(children)));
    }
    parts.add(inputs.isEmpty() ? Html.empty() : Html.of("<ul>{}</ul>", Html.concat(inputs)));
    return Html.of("<li>{}</li>", Html.concat(parts));
  }

  /** Declared inputs (even empty) in declaration order, then undeclared ones that got children. */
  private static Map<String, List<AppNode>> inputsOf(AppNode node) {
    Map<String, List<AppNode>> inputs = new LinkedHashMap<>();
    for (String name : node.spec().extension().inputs().keySet()) {
      inputs.put(name, node.attachments().getOrDefault(name, List.of()));
    }
    node.attachments().forEach(inputs::putIfAbsent);
    return inputs;
  }

  private static String state(AppNode node, Map<String, List<AppError>> byNode) {
    if (node.instance() != null) {
      return "active";
    }
    if (node.spec().disabled()) {
      return "disabled";
    }
    boolean failed = byNode.getOrDefault(node.id(), List.of()).stream().anyMatch(e -> !e.isWarning()
        && node.id().equals(e.nodeId()));
    return failed ? "failed" : "inactive";
  }

  private static String attachText(AppNodeSpec spec) {
    return String.join(" + ", spec.attachTo().stream().map(Object::toString).toList());
  }

  private static Map<String, List<AppError>> errorsByNode(FrontendApp app) {
    Map<String, List<AppError>> map = new LinkedHashMap<>();
    for (AppError e : app.errors()) {
      if (e.nodeId() != null) {
        map.computeIfAbsent(e.nodeId(), k -> new ArrayList<>()).add(e);
      }
      if (e.extensionId() != null && !e.extensionId().equals(e.nodeId())) {
        map.computeIfAbsent(e.extensionId(), k -> new ArrayList<>()).add(e);
      }
    }
    return map;
  }

  private static final String VISUALIZER_CSS =
      "body{font:14px/1.5 system-ui,sans-serif;color:#1f2933;background:#f5f7fa;margin:0}"
          + ".gr-main{padding:1.5rem 2rem}.gr-tree ul{list-style:none;padding-left:1.25rem;"
          + "border-left:1px dashed #cbd2d9}.node{background:#fff;border:1px solid #e4e7eb;"
          + "border-radius:4px;padding:.25rem .5rem;margin:.25rem 0;display:inline-block}"
          + ".id{font-weight:600;font-family:monospace}.badge{font-size:.75rem;border-radius:3px;"
          + "padding:0 .3rem;margin-left:.3rem;background:#e4e7eb}.badge.off{background:#fde2c4}"
          + ".badge.err{background:#f8c4c4}.badge.ok{background:#c6f0d6}.meta{font-size:.8rem;"
          + "color:#52606d}.input{font-style:italic;color:#52606d}.gr-extension-error{color:#8a1c1c;"
          + "font-size:.85rem}";
}
