/*
 * The quality loop's pages (审核, 回访, 一把手抽访). The pages work without it; it adds:
 * - J / K to select the next or previous item of the queue (the link is followed, through htmx when it is there),
 *   and A to approve the selected reply on the review page;
 * - after htmx swapped the panes, the focus on the selected item, so the keys go on from there;
 * - in a call's form, the questions for a reached citizen hidden and left out while "未接通" is chosen (without
 *   the script they stay, and the server refuses answers to a call that did not get through, as the API does).
 */
(function () {
  "use strict";

  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT"
        || target.isContentEditable);
  }

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-queue] .queue-item"));
  }

  function move(step) {
    var list = items();
    if (list.length === 0) {
      return;
    }
    var current = list.findIndex(function (a) { return a.getAttribute("aria-current") === "true"; });
    var next = current < 0 ? 0 : Math.min(list.length - 1, Math.max(0, current + step));
    if (next !== current) {
      list[next].click();
    }
  }

  document.addEventListener("keydown", function (event) {
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
      return;
    }
    var key = event.key.toLowerCase();
    if (key === "j" || key === "k") {
      if (items().length > 0) {
        event.preventDefault();
        move(key === "j" ? 1 : -1);
      }
    } else if (key === "a") {
      var approve = document.querySelector('[data-shortcut="approve"]');
      if (approve) {
        event.preventDefault();
        approve.click();
      }
    }
  });

  // the selected item is in view in its list (which scrolls on its own), without moving the page
  function showSelected() {
    var selected = document.querySelector('[data-queue] .queue-item[aria-current="true"]');
    var list = document.querySelector("[data-queue]");
    if (selected && list) {
      var item = selected.parentElement;
      if (item.offsetTop < list.scrollTop || item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight) {
        list.scrollTop = item.offsetTop - list.clientHeight / 3;
      }
    }
    return selected;
  }

  // the selected item keeps the focus across a swap of the panes
  document.addEventListener("htmx:afterSwap", function () {
    var selected = showSelected();
    if (selected) {
      selected.focus({ preventScroll: true });
    }
    wireCalls(document);
  });

  // a call that did not get through has no answers: hide them, and leave them out of the form
  function wireCalls(root) {
    root.querySelectorAll("[data-if-reached]").forEach(function (part) {
      var scope = part.closest("[data-call-row]") || part.closest("form");
      if (!scope || part.dataset.wired) {
        return;
      }
      part.dataset.wired = "1";
      var update = function () {
        var notReached = scope.querySelector('input[name^="reached"][value="false"]:checked');
        part.hidden = !!notReached;
        part.querySelectorAll("input").forEach(function (input) { input.disabled = !!notReached; });
      };
      scope.querySelectorAll('input[name^="reached"]').forEach(function (input) {
        input.addEventListener("change", update);
      });
      update();
    });
  }

  function ready() {
    wireCalls(document);
    showSelected();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
