package dev.greenroom.frontend.api;

/** What an app is built from: frontend plugins and frontend modules. */
public sealed interface FrontendFeature permits FrontendPlugin, FrontendModule {}
