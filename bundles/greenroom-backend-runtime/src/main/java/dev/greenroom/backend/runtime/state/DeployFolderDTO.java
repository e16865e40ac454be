package dev.greenroom.backend.runtime.state;

import java.util.List;

/**
 * The hot-deploy folder as a whole: {@code folder} as configured ({@code felix.fileinstall.dir},
 * null without one), how many installed bundles came from it, and its {@code problems} sorted by
 * file. An empty list with a count says "all is well" rather than "nothing is known".
 */
public record DeployFolderDTO(String folder, int installedBundles, List<DeployProblemDTO> problems) {
  public DeployFolderDTO {
    problems = List.copyOf(problems);
  }
}
