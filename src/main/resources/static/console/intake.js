/*
 * The intake screen's keys, for an operator on a headset who registers a call without the mouse:
 * - Alt+1 … Alt+5 choose the appeal type (咨询, 求助, 投诉, 举报, 建议);
 * - Alt+S or Ctrl+Enter submit: in the answer field, the inquiry's direct answer; anywhere else, the registration;
 * - a form is sent once: after the first submission its buttons are disabled (a double click, an impatient Enter),
 *   and the server's idempotency key catches the rest (a retry after a timeout gets the order the first one made).
 * The direct answer (typed, or a knowledge entry's) is offered only while the appeal type is an inquiry. Without
 * this script the form still works.
 */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-intake]");
    if (!form) {
      return;
    }
    var answer = document.getElementById("answer-group");
    var answerButton = document.getElementById("submit-answer");

    function appealType() {
      var checked = form.querySelector('input[name="appealType"]:checked');
      return checked ? checked.value : "";
    }

    var page = document.querySelector(".intake-page");

    function showAnswer() {
      if (answer) {
        answer.hidden = appealType() !== "INQUIRY";
      }
      // the knowledge panel's "answer with this entry" is for inquiries too (CSS hides it otherwise)
      if (page) {
        page.setAttribute("data-appeal", appealType());
      }
    }

    form.querySelectorAll('input[name="appealType"]').forEach(function (radio) {
      radio.addEventListener("change", showAnswer);
    });
    showAnswer();

    function submit(submitter) {
      if (submitter && !submitter.disabled) {
        form.requestSubmit(submitter);
      } else if (!submitter) {
        form.requestSubmit();
      }
    }

    document.addEventListener("keydown", function (event) {
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-5]$/.test(event.code)) {
        var radio = form.querySelector('input[name="appealType"][data-key="' + event.code.substring(5) + '"]');
        if (radio) {
          event.preventDefault();
          // within the group, the focus moves with the choice, as with the arrow keys; elsewhere it stays put
          if (document.activeElement && document.activeElement.name === "appealType") {
            radio.focus();
          }
          radio.checked = true;
          radio.dispatchEvent(new Event("change", { bubbles: true }));
        }
        return;
      }
      var submitKey = (event.ctrlKey && event.key === "Enter")
          || (event.altKey && (event.key === "s" || event.key === "S" || event.code === "KeyS"));
      if (submitKey && form.contains(event.target)) {
        // console.js submits on Alt+S too; this handler decides which button, so it stops that one
        event.preventDefault();
        event.stopImmediatePropagation();
        var inAnswer = answer && !answer.hidden && answer.contains(event.target);
        submit(inAnswer ? answerButton : document.getElementById("submit-register"));
      }
    }, true);

    // one submission per form rendering: disable the buttons once it is on its way (after the browser has read the
    // clicked button's name and value into the request)
    var sent = false;
    function lock(event) {
      var target = event.target;
      if (target !== form) {
        return;
      }
      if (sent) {
        event.preventDefault();
        return;
      }
      sent = true;
      window.setTimeout(function () {
        document.querySelectorAll("[data-submit]").forEach(function (b) {
          b.disabled = true;
          b.setAttribute("aria-busy", "true");
        });
      }, 0);
    }
    form.addEventListener("submit", lock);

    // a page restored from the back-forward cache may be sent again (the server still makes one order of it)
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        sent = false;
        document.querySelectorAll("[data-submit]").forEach(function (b) {
          b.disabled = false;
          b.removeAttribute("aria-busy");
        });
      }
    });
  });
})();
