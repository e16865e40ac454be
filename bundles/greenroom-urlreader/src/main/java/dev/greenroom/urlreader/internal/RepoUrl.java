package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.errors.InputError;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A file or tree URL of a hosted repository: {@code https://github.com/<owner>/<repo>/blob|tree/<ref>/<path>}
 * or {@code https://gitlab.com/<group>/<project>/-/blob|tree/<ref>/<path>}. As upstream (git-url-parse),
 * the first segment after blob/tree is the ref.
 */
record RepoUrl(String scheme, String authority, String project, String kind, String ref, String path) {
  static RepoUrl github(URI url) {
    String[] s = segments(url);
    if (s.length < 4 || !(s[2].equals("blob") || s[2].equals("tree"))) {
      throw new InputError("Incorrect URL: " + url + ", expected https://<host>/<owner>/<repo>/blob|tree/<ref>/<path>");
    }
    return new RepoUrl(url.getScheme(), url.getRawAuthority(), s[0] + "/" + s[1], s[2], s[3], join(s, 4));
  }

  static RepoUrl gitlab(URI url) {
    String[] s = segments(url);
    int dash = -1;
    for (int i = 0; i < s.length; i++) {
      if (s[i].equals("-")) {
        dash = i;
        break;
      }
    }
    if (dash < 2 || s.length < dash + 3 || !(s[dash + 1].equals("blob") || s[dash + 1].equals("tree"))) {
      throw new InputError(
          "Incorrect URL: " + url + ", expected https://<host>/<group>/<project>/-/blob|tree/<ref>/<path>");
    }
    return new RepoUrl(url.getScheme(), url.getRawAuthority(), join(s, 0, dash), s[dash + 1], s[dash + 2], join(s, dash + 3));
  }

  /** The URL of a file under this tree's path, in the host's web shape. */
  String fileUrl(String gitlabDash, String relative) {
    String full = path.isEmpty() ? relative : path + "/" + relative;
    return scheme + "://" + authority + "/" + project + gitlabDash + "/blob/" + ref + "/" + full;
  }

  private static String[] segments(URI url) {
    String p = url.getRawPath() == null ? "" : url.getRawPath();
    String[] raw = p.replaceAll("^/+|/+$", "").split("/");
    String[] out = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = URLDecoder.decode(raw[i], StandardCharsets.UTF_8);
    }
    return raw.length == 1 && raw[0].isEmpty() ? new String[0] : out;
  }

  private static String join(String[] s, int from) {
    return join(s, from, s.length);
  }

  private static String join(String[] s, int from, int to) {
    return from >= to ? "" : String.join("/", java.util.Arrays.copyOfRange(s, from, to));
  }
}
