/** core.rootLogger in plain Java: formatting, redaction and the pax-logging configuration. */
package dev.greenroom.logging.internal;
