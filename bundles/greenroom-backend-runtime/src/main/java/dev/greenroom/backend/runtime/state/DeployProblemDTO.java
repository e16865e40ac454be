package dev.greenroom.backend.runtime.state;

/**
 * A file in the hot-deploy folder that was not installed: {@code file} is its path, {@code
 * message} says why (the same text as the log line), {@code at} is epoch millis.
 */
public record DeployProblemDTO(String file, String message, long at) {}
