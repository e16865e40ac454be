/**
 * The factories of Greenroom's actions services ({@code alpha.core.actionsRegistry}, {@code
 * alpha.core.actions}), for backends assembled in plain Java. See docs/actions.md.
 */
@Export
@Version("0.1.0")
package dev.greenroom.actions;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
