package dev.greenroom.frontend.api;

/** A nav item: a title and the path it links to. */
public record NavTarget(String title, String path) {}
