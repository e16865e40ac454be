package dev.greenroom.frontend.api;

import java.util.Objects;

/**
 * A safe HTML fragment. Text becomes HTML only through {@link #text(String)}, which escapes it, or
 * through a {@link #of(String, Object...) template} whose non-{@code Html} arguments are escaped;
 * {@link #raw(String)} is for trusted constants only. So markup built from data is safe by
 * construction.
 */
public final class Html {
  private static final Html EMPTY = new Html("");
  private final String markup;

  private Html(String markup) {
    this.markup = markup;
  }

  /** Escaped text. */
  public static Html text(String text) {
    return new Html(escape(Objects.toString(text, "")));
  }

  /** Trusted markup (a constant of your code, never user or config data). */
  public static Html raw(String trustedMarkup) {
    return new Html(Objects.requireNonNull(trustedMarkup));
  }

  public static Html empty() {
    return EMPTY;
  }

  /**
   * A trusted template with {@code {}} placeholders: {@code Html} arguments are inserted as they are,
   * everything else is escaped (also safe inside double-quoted attribute values).
   *
   * <pre>{@code Html.of("<a href=\"{}\">{}</a>", Html.url(path), title)}</pre>
   */
  public static Html of(String trustedTemplate, Object... args) {
    StringBuilder sb = new StringBuilder(trustedTemplate.length() + 16 * args.length);
    int argIndex = 0;
    int from = 0;
    int at;
    while ((at = trustedTemplate.indexOf("{}", from)) >= 0) {
      if (argIndex >= args.length) {
        throw new IllegalArgumentException("Html template has more {} than arguments: " + trustedTemplate);
      }
      sb.append(trustedTemplate, from, at);
      Object arg = args[argIndex++];
      sb.append(arg instanceof Html h ? h.markup : escape(Objects.toString(arg, "")));
      from = at + 2;
    }
    if (argIndex != args.length) {
      throw new IllegalArgumentException("Html template has fewer {} than arguments: " + trustedTemplate);
    }
    sb.append(trustedTemplate, from, trustedTemplate.length());
    return new Html(sb.toString());
  }

  /** Fragments one after another. */
  public static Html concat(Iterable<Html> parts) {
    StringBuilder sb = new StringBuilder();
    for (Html part : parts) {
      sb.append(part.markup);
    }
    return new Html(sb.toString());
  }

  public static Html concat(Html... parts) {
    return concat(java.util.Arrays.asList(parts));
  }

  /**
   * An escaped URL for an {@code href}/{@code src} attribute; schemes other than http(s) and mailto
   * (e.g. {@code javascript:}) become {@code #}.
   */
  public static Html url(String url) {
    String u = Objects.toString(url, "").trim();
    int colon = u.indexOf(':');
    int slash = u.indexOf('/');
    boolean hasScheme = colon >= 0 && (slash < 0 || colon < slash);
    if (hasScheme) {
      String scheme = u.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("mailto")) {
        return new Html("#");
      }
    }
    return text(u);
  }

  /** Escapes {@code & < > " '}. */
  public static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (rep != null) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        sb.append(rep);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** The markup. */
  public String markup() {
    return markup;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Html h && h.markup.equals(markup);
  }

  @Override
  public int hashCode() {
    return markup.hashCode();
  }

  @Override
  public String toString() {
    return markup;
  }
}
