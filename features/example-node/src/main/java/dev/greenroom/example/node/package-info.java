/**
 * Node library of the {@code example} plugin (Backstage: {@code @backstage/plugin-example-node}).
 * Modules depend on this bundle, never on the plugin bundle, so they can wire to the extension
 * point types without wiring to the plugin.
 *
 * <ul>
 *   <li>{@link ExampleExtensionPoints#EXAMPLES} ({@code examples}) is provided by the {@code example}
 *       plugin itself.
 *   <li>{@link ExampleExtensionPoints#TAGS} ({@code example.tags}) is a second-level extension point
 *       provided by the {@code tags} module, for the plugin's other modules. By Backstage's rule the
 *       module that provides it runs after every module that consumes it.
 * </ul>
 */
@Export
@Version("0.1.0")
package dev.greenroom.example.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
