package dev.greenroom.http.standalone;

/**
 * Whether a plugin id is still provided by something that can start it again. A plugin's slot asks
 * while it holds requests after the plugin's shutdown: a plugin that is restarting gets its held
 * requests served by the next instance, a removed plugin answers 404 at once. In OSGi the answer
 * comes from the installed bundles; plain Java cannot remove a plugin, so it is {@link #ALWAYS}.
 */
@FunctionalInterface
public interface PluginPresence {
  PluginPresence ALWAYS = pluginId -> true;

  boolean isProvided(String pluginId);
}
