/** core.auditor in plain Java: audit events through the plugin's logger (Backstage's DefaultAuditorService). */
package dev.greenroom.logging.internal.auditor;
