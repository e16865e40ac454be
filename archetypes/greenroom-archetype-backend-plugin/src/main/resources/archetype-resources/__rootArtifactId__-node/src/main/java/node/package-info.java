/**
 * Node library of the {@code ${pluginId}} plugin (Backstage: {@code plugin-${pluginId}-node}): the types
 * its modules compile against. Modules depend on this bundle, never on the plugin bundle.
 */
@Export
@Version("1.0.0")
package ${package}.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
