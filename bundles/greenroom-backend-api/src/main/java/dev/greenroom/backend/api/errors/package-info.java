/**
 * Backstage's error types ({@code @backstage/errors}). Throw them from handlers and services: the
 * HTTP error handler answers each with its status code and Backstage's error body, and never with a
 * stack trace.
 */
@Export
@Version("0.1.0")
package dev.greenroom.backend.api.errors;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
