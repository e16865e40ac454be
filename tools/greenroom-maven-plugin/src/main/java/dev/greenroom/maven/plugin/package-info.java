/**
 * The goals of {@code greenroom-maven-plugin} (prefix {@code greenroom}): {@code run} starts
 * Greenroom with the project's bundles (docs/run.md). The work is done by {@code
 * dev.greenroom.maven.run}, which has no Maven types.
 */
package dev.greenroom.maven.plugin;
