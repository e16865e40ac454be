/**
 * The interfaces of Greenroom's core services (Backstage's {@code coreServices}). Refs to them are
 * in {@link dev.greenroom.backend.api.CoreServices}.
 */
@Export
@Version("0.3.0")
package dev.greenroom.backend.api.services;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
