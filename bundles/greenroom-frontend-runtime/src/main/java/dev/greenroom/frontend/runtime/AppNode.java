package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.AppNodeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of the app tree: its spec, its edges and, once instantiated, its instance. */
public final class AppNode implements AppNodeInfo {
  private final AppNodeSpec spec;
  private AppNode parent;
  private String parentInput;
  private final Map<String, List<AppNode>> attachments = new LinkedHashMap<>();
  private AppNodeInstance instance;

  AppNode(AppNodeSpec spec) {
    this.spec = spec;
  }

  public AppNodeSpec spec() {
    return spec;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public String pluginId() {
    return spec.pluginId();
  }

  /** The parent, or null for the root and for orphans. */
  public AppNode parent() {
    return parent;
  }

  /** The parent's input this node is attached to, or null. */
  public String parentInput() {
    return parentInput;
  }

  /** Children by input name, in node-spec order. */
  public Map<String, List<AppNode>> attachments() {
    return Collections.unmodifiableMap(attachments);
  }

  /** The instance, or null when not instantiated (disabled, inactive, failed or detached). */
  public AppNodeInstance instance() {
    return instance;
  }

  void setParent(AppNode newParent, String input) {
    this.parent = newParent;
    this.parentInput = input;
    newParent.attachments.computeIfAbsent(input, k -> new ArrayList<>()).add(this);
  }

  void setInstance(AppNodeInstance instance) {
    this.instance = instance;
  }

  /** Backstage's XML-like dump: {@code <b>\n  x [\n    <bx1 />\n  ]\n</b>}, with {@code out=[...]}. */
  @Override
  public String toString() {
    String out = "";
    if (instance != null && !instance.dataRefs().isEmpty()) {
      out = " out=[" + String.join(", ", instance.dataRefs().stream().map(r -> r.id()).toList()) + "]";
    }
    if (attachments.isEmpty()) {
      return "<" + spec.id() + out + " />";
    }
    StringBuilder sb = new StringBuilder("<").append(spec.id()).append(out).append(">");
    for (Map.Entry<String, List<AppNode>> e : attachments.entrySet()) {
      StringBuilder block = new StringBuilder(e.getKey()).append(" [");
      for (AppNode child : e.getValue()) {
        block.append('\n').append(indent(child.toString()));
      }
      block.append("\n]");
      sb.append('\n').append(indent(block.toString()));
    }
    return sb.append("\n</").append(spec.id()).append(">").toString();
  }

  static String indent(String s) {
    return "  " + s.replace("\n", "\n  ");
  }
}
