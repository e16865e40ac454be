package dev.greenroom.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fails a case on any warn or error line a Greenroom replica wrote that the case did not declare, like the
 * itests' log trap (GreenroomTestSupport) but on a process's output: the human-readable layout
 * {@code <time> <level> <source> <message>} (docs/logging.md), plus the framework's own {@code ERROR:} /
 * {@code WARNING:} lines and uncaught exceptions. Each call looks only at what was written since the last one.
 */
final class GreenroomLogTrap {
  private static final Pattern LEVELLED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+ (warn|error) .*");
  private static final Pattern FRAMEWORK = Pattern.compile("^(ERROR|WARNING|SEVERE)[: ].*|^Exception in thread .*");

  private final ManagedProcess process;
  private int offset;

  GreenroomLogTrap(ManagedProcess process) {
    this.process = process;
  }

  /** The new warn/error lines that match none of {@code expected}; moves past everything read. */
  List<String> unexpected(List<Pattern> expected) {
    String output = process.output();
    String fresh = output.substring(Math.min(offset, output.length()));
    offset = output.length();
    List<String> out = new ArrayList<>();
    for (String line : fresh.split("\n")) {
      if ((LEVELLED.matcher(line).matches() || FRAMEWORK.matcher(line).matches())
          && expected.stream().noneMatch(p -> p.matcher(line).find())) {
        out.add(process.name + ": " + line);
      }
    }
    return out;
  }
}
