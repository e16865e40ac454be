/**
 * The events service: Backstage's {@code @backstage/plugin-events-node} ({@code EventsService},
 * {@code EventParams}, {@code eventsServiceRef} {@code events.service}). Plugins and modules
 * publish events on a topic and subscribe to topics; delivery is in-process by default and goes
 * through a bus on the shared PostgreSQL when the backend's database is PostgreSQL. See
 * docs/events.md.
 */
@Export
@Version("0.1.0")
package dev.greenroom.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
