package dev.greenroom.frontend.runtime.internal;

import dev.greenroom.frontend.api.Html;

/** The default stylesheet: small, no external assets. */
final class Styles {
  private Styles() {}

  static final Html CSS =
      Html.raw(
          """
          *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",\
          Roboto,sans-serif;color:#1f2933;background:#f5f7fa}a{color:#0b6bcb}\
          .gr-header{background:#121c2c;padding:.75rem 1.25rem}.gr-header a{color:#fff;\
          text-decoration:none;font-weight:600;font-size:1.1rem}.gr-shell{display:flex;\
          min-height:calc(100vh - 3rem)}.gr-sidebar{width:14rem;background:#1b2a41;padding:1rem 0}\
          .gr-nav ul{list-style:none;margin:0;padding:0}.gr-nav a{display:block;padding:.5rem 1.25rem;\
          color:#cbd2d9;text-decoration:none}.gr-nav a:hover{background:#243b55;color:#fff}\
          .gr-nav a.active{background:#0b6bcb;color:#fff}.gr-main{flex:1;padding:1.5rem 2rem;\
          min-width:0}h1{margin-top:0;font-size:1.6rem}table{border-collapse:collapse;width:100%;\
          background:#fff}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #e4e7eb}\
          .gr-extension-error{border:1px solid #d64545;background:#fff5f5;color:#8a1c1c;\
          padding:.75rem 1rem;border-radius:4px;margin:.5rem 0}.gr-extension-error pre{margin:.25rem 0 0;\
          white-space:pre-wrap}.gr-errors li{margin:.25rem 0}.gr-errors code{font-weight:600}\
          .gr-tree ul{list-style:none;padding-left:1.25rem;border-left:1px dashed #cbd2d9}\
          .gr-tree .node{background:#fff;border:1px solid #e4e7eb;border-radius:4px;padding:.25rem .5rem;\
          margin:.25rem 0;display:inline-block}.gr-tree .id{font-weight:600;font-family:monospace}\
          .badge{font-size:.75rem;border-radius:3px;padding:0 .3rem;margin-left:.3rem;background:#e4e7eb}\
          .badge.off{background:#fde2c4}.badge.err{background:#f8c4c4}.badge.ok{background:#c6f0d6}\
          .gr-tree .meta{font-size:.8rem;color:#52606d}.gr-tree .input{font-style:italic;color:#52606d}\
          .gr-header{display:flex;justify-content:space-between;align-items:center}.gr-user{color:#cbd2d9;margin:0}\
          .gr-user button{margin-left:.5rem}\
          """);
}
