package dev.greenroom.frontend.runtime;

import java.util.List;
import java.util.Map;

/**
 * The resolved tree: the root, every node by id (clones of multiply-attached nodes are not listed),
 * and the orphans (nodes whose attachment target does not exist).
 */
public record AppTree(AppNode root, Map<String, AppNode> nodes, List<AppNode> orphans) {}
