/**
 * The core of {@code greenroom:run}, free of Maven types so it is tested on its own
 * (GreenroomRunIT): which jars are bundles and features ({@link dev.greenroom.maven.run.BundleJar}),
 * what the runtime already starts ({@link dev.greenroom.maven.run.RuntimeJar}), the deploy folder
 * kept in step with the build ({@link dev.greenroom.maven.run.LiveDeployer}) and the runtime as a
 * child process ({@link dev.greenroom.maven.run.GreenroomProcess},
 * {@link dev.greenroom.maven.run.GreenroomRun}). See docs/run.md.
 */
package dev.greenroom.maven.run;
