package dev.greenroom.http.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServedCheckTest {
  /** A fake clock that moves 100 ms per pause; answers are taken in order, the last one repeats. */
  private static final class FakeHost implements ServedCheck.Host {
    final List<Integer> reregistered = new ArrayList<>();
    long now;
    boolean running = true;

    @Override
    public void registerAgain(int answer) {
      reregistered.add(answer);
    }

    @Override
    public boolean running() {
      return running;
    }

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void pause(long millis) {
      now += millis * 1_000_000L;
    }
  }

  private static java.util.function.IntSupplier answers(Integer... statuses) {
    Deque<Integer> queue = new ArrayDeque<>(List.of(statuses));
    return () -> queue.size() > 1 ? queue.poll() : queue.peek();
  }

  private static final long TEN_SECONDS = 10_000_000_000L;

  @Test
  void servedAtOnceChangesNothing() throws Exception {
    FakeHost host = new FakeHost();
    assertEquals(ServedCheck.Outcome.SERVED, ServedCheck.run(answers(200), host, TEN_SECONDS));
    assertEquals(List.of(), host.reregistered);
  }

  @Test
  void notListeningYetIsWaitedFor() throws Exception {
    FakeHost host = new FakeHost();
    int[] n = {0};
    assertEquals(ServedCheck.Outcome.SERVED, ServedCheck.run(
        () -> ++n[0] < 20 ? ServedCheck.NO_ANSWER : 200, host, TEN_SECONDS));
    assertEquals(List.of(), host.reregistered, "nothing answered: no reason to register again");
  }

  @Test
  void aContainerAnswerThatLastsRegistersTheDispatcherAgain() throws Exception {
    FakeHost host = new FakeHost();
    // Jetty's own 404 for 0.5 s, then the new registration serves
    int[] n = {0};
    ServedCheck.Host counting = new ServedCheck.Host() {
      @Override
      public void registerAgain(int answer) {
        host.registerAgain(answer);
        n[0] = -1000;
      }

      @Override
      public boolean running() {
        return true;
      }

      @Override
      public long nanoTime() {
        return host.nanoTime();
      }

      @Override
      public void pause(long millis) {
        host.pause(millis);
      }
    };
    assertEquals(ServedCheck.Outcome.SERVED,
        ServedCheck.run(() -> n[0]++ >= 0 ? 404 : 200, counting, TEN_SECONDS));
    assertEquals(List.of(404), host.reregistered);
  }

  @Test
  void aShortContainerAnswerIsNotActedOn() throws Exception {
    FakeHost host = new FakeHost();
    assertEquals(ServedCheck.Outcome.SERVED, ServedCheck.run(answers(404, 404, 200), host, TEN_SECONDS));
    assertEquals(List.of(), host.reregistered, "two looks 100 ms apart: a registration settling, not a lost one");
  }

  @Test
  void givesUpAfterTheLastNewRegistration() throws Exception {
    FakeHost host = new FakeHost();
    assertEquals(ServedCheck.Outcome.NOT_SERVED, ServedCheck.run(answers(404), host, TEN_SECONDS));
    assertEquals(List.of(404, 404, 404), host.reregistered);
  }

  @Test
  void nothingAnsweringEndsWithoutAVerdict() throws Exception {
    FakeHost host = new FakeHost();
    assertEquals(ServedCheck.Outcome.NO_ANSWER, ServedCheck.run(answers(ServedCheck.NO_ANSWER), host, TEN_SECONDS));
    assertEquals(List.of(), host.reregistered);
  }

  @Test
  void stopsWhenTheHostStops() throws Exception {
    FakeHost host = new FakeHost();
    host.running = false;
    assertEquals(ServedCheck.Outcome.NO_ANSWER, ServedCheck.run(answers(404), host, TEN_SECONDS));
    assertEquals(List.of(), host.reregistered);
  }
}
