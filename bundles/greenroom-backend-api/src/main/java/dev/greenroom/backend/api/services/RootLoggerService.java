package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/** The backend's root logger; plugin loggers are its children. */
@ProviderType
public interface RootLoggerService extends LoggerService {}
