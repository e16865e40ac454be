package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.services.UrlReaderService;
import java.net.URI;
import java.util.function.Predicate;

/** A reader and the URLs it takes (upstream's {@code UrlReaderPredicateTuple}). */
record Reader(UrlReaderService reader, Predicate<URI> predicate) {}
