/*
 * The console's own script, the only one besides htmx. Pages work without it; it adds:
 * - the large-text switch (适老化), remembered in a cookie so that the server draws the next page large at once;
 * - the CSRF token on every htmx request (header named in <meta name="csrf-header">);
 * - keyboard shortcuts: "/" jumps to the page's search field, Alt+S submits the form being filled in.
 * Loaded in <head> without defer so that the large-text class is set before the first paint of pages the
 * server could not mark (error pages).
 */
(function () {
  "use strict";

  var COOKIE = "hotline-large-text";

  function largeTextOn() {
    return document.cookie.split("; ").indexOf(COOKIE + "=1") >= 0;
  }

  if (largeTextOn()) {
    document.documentElement.classList.add("large-text");
  }

  function toggleLargeText(button) {
    var on = !document.documentElement.classList.contains("large-text");
    document.documentElement.classList.toggle("large-text", on);
    document.cookie = COOKIE + "=" + (on ? "1" : "0") + "; path=/; max-age=31536000; samesite=lax";
    document.querySelectorAll("[data-large-text]").forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    if (button) {
      button.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-large-text]").forEach(function (b) {
      b.setAttribute("aria-pressed", largeTextOn() ? "true" : "false");
      b.addEventListener("click", function () { toggleLargeText(b); });
    });
  });

  // htmx sends the session's CSRF token like a form would
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.getAttribute("content")] = token.getAttribute("content");
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT"
        || target.isContentEditable);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var search = document.querySelector('input[type="search"]');
      if (search) {
        event.preventDefault();
        search.focus();
      }
    }
    if (event.altKey && (event.key === "s" || event.key === "S") && typing && target.form) {
      event.preventDefault();
      target.form.requestSubmit();
    }
  });
})();
