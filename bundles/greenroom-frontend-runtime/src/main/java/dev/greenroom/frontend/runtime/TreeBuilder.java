package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.AttachmentPoint;
import dev.greenroom.frontend.api.ExtensionInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the app tree from node specs (upstream's {@code resolveAppTree}, frontend-app-api/src/tree/resolveAppTree.ts). */
final class TreeBuilder {
  private TreeBuilder() {}

  /**
   * @throws IllegalStateException {@code Unexpected duplicate extension id '<id>'} or {@code No root
   *     node with id '<id>' found in app tree}
   */
  static AppTree build(String rootNodeId, List<AppNodeSpec> specs, ErrorCollector collector) {
    Map<String, AppNode> nodes = new LinkedHashMap<>();
    Map<AttachmentPoint, AttachmentPoint> redirects = new HashMap<>();

    for (AppNodeSpec spec : specs) {
      if (nodes.containsKey(spec.id())) {
        throw new IllegalStateException("Unexpected duplicate extension id '" + spec.id() + "'");
      }
      nodes.put(spec.id(), new AppNode(spec));
      for (Map.Entry<String, ExtensionInput> in : spec.extension().inputs().entrySet()) {
        for (AttachmentPoint replaced : in.getValue().replacesPoints()) {
          if (redirects.containsKey(replaced)) {
            collector.report(
                "EXTENSION_INPUT_REDIRECT_CONFLICT",
                "Duplicate redirect target for input '" + in.getKey() + "' in extension '" + spec.id() + "'",
                ErrorCollector.Ctx.NONE.node(spec.id()).input(in.getKey()));
            continue;
          }
          redirects.put(replaced, new AttachmentPoint(spec.id(), in.getKey()));
        }
      }
    }

    List<AppNode> orphans = new ArrayList<>();
    Map<String, List<AppNode>> clones = new HashMap<>();
    AppNode root = null;

    for (AppNode node : nodes.values()) {
      AppNodeSpec spec = node.spec();
      if (spec.id().equals(rootNodeId)) {
        root = node;
      } else if (spec.multipleAttachTo()) {
        boolean foundFirstParent = false;
        for (AttachmentPoint orig : spec.attachTo()) {
          AttachmentPoint attachTo = redirect(orig, nodes, redirects);
          AppNode parent = nodes.get(attachTo.id());
          if (parent == null) {
            continue;
          }
          List<AppNode> cloneParents = new ArrayList<>(clones.getOrDefault(attachTo.id(), List.of()));
          if (!foundFirstParent) {
            foundFirstParent = true;
            node.setParent(parent, attachTo.input());
          } else {
            cloneParents.add(0, parent);
          }
          for (AppNode extraParent : cloneParents) {
            AppNode clone = new AppNode(spec);
            clone.setParent(extraParent, attachTo.input());
            clones.computeIfAbsent(spec.id(), k -> new ArrayList<>()).add(clone);
          }
        }
        if (!foundFirstParent) {
          orphans.add(node);
        }
      } else {
        AttachmentPoint attachTo = redirect(spec.attachTo().get(0), nodes, redirects);
        AppNode parent = nodes.get(attachTo.id());
        if (parent != null) {
          node.setParent(parent, attachTo.input());
        } else {
          orphans.add(node);
        }
      }
    }

    if (root == null) {
      throw new IllegalStateException("No root node with id '" + rootNodeId + "' found in app tree");
    }
    return new AppTree(root, java.util.Collections.unmodifiableMap(nodes), List.copyOf(orphans));
  }

  /** A valid point (existing node declaring that input) is never redirected. */
  private static AttachmentPoint redirect(
      AttachmentPoint point, Map<String, AppNode> nodes, Map<AttachmentPoint, AttachmentPoint> redirects) {
    AppNode target = nodes.get(point.id());
    if (target != null && target.spec().extension().inputs().containsKey(point.input())) {
      return point;
    }
    return redirects.getOrDefault(point, point);
  }
}
