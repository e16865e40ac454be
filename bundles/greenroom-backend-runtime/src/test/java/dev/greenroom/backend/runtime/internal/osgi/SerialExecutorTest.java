package dev.greenroom.backend.runtime.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
  @Test
  void aStepThatThrowsIsReportedAndTheNextStepsStillRunInOrder() {
    List<String> ran = new ArrayList<>();
    List<String> reported = new ArrayList<>();
    SerialExecutor queue = new SerialExecutor(Runnable::run, e -> reported.add(e.getMessage()));

    queue.execute(() -> ran.add("one"));
    queue.execute(() -> {
      throw new IllegalStateException("boom");
    });
    queue.execute(() -> ran.add("three"));

    assertEquals(List.of("one", "three"), ran);
    assertEquals(List.of("boom"), reported);
  }
}
