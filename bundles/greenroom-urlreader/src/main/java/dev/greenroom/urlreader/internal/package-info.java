/**
 * core.urlReader in plain Java: the allow list, the readers (HTTP, file, GitHub, GitLab) and the
 * predicate mux that picks one per URL. Upstream: packages/backend-defaults/src/entrypoints/urlReader.
 */
package dev.greenroom.urlreader.internal;
