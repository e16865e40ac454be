package dev.greenroom.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void replacesEverySecretOccurrence() {
    Redactor r = new Redactor(Set.of("hunter2", "s3cr.t"));
    assertEquals("pw=[REDACTED] again [REDACTED]; [REDACTED]", r.redact("pw=hunter2 again hunter2; s3cr.t"));
    // Secrets are literal text, not regular expressions.
    assertEquals("s3crXt", r.redact("s3crXt"));
  }

  @Test
  void longerSecretContainingAShorterOneIsRedactedWhole() {
    Redactor r = new Redactor(List.of("abc", "abcdef"));
    assertEquals("[REDACTED]", r.redact("abcdef"));
  }

  @Test
  void emptySecretsAreIgnoredAndUpdateReplacesTheSet() {
    Redactor r = new Redactor(List.of("", "old"));
    assertEquals("[REDACTED] new", r.redact("old new"));
    r.update(Set.of("new"));
    assertEquals("old [REDACTED]", r.redact("old new"));
  }
}
