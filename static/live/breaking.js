// The breaking banner on pages already open: it appears within a poll or so of a
// breaking story going out, and goes when it ends. Every page asks the same tiny,
// shared-cacheable answer, at the pace the server gives. Without JavaScript the
// banner is there on the next load of the front page, as before.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) {
    return;
  }
  var url = script.getAttribute("data-breaking-url");
  var poll = parseInt(script.getAttribute("data-breaking-poll"), 10) || 10;
  var timer = null;

  function banner() {
    return document.querySelector("aside.breaking");
  }

  function show(answer) {
    var now = banner();
    if (!answer.html) {
      if (now) {
        now.remove();
      }
      return;
    }
    var link = now && now.querySelector("a");
    if (link && link.getAttribute("href") === answer.url) {
      return;
    }
    var holder = document.createElement("template");
    holder.innerHTML = answer.html;
    var fresh = holder.content.firstElementChild;
    if (now) {
      now.replaceWith(fresh);
    } else {
      var masthead = document.querySelector(".masthead");
      if (masthead) {
        masthead.after(fresh);
      }
    }
  }

  function schedule(seconds) {
    clearTimeout(timer);
    timer = setTimeout(check, seconds * (900 + Math.random() * 200));
  }

  function check() {
    if (document.hidden) {
      return;
    }
    // Past the browser's own cache, which no purge reaches: a cheap revalidation.
    fetch(url, { headers: { Accept: "application/json" }, cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("breaking answered " + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        show(answer);
        poll = answer.poll || poll;
        schedule(poll);
      })
      .catch(function () {
        schedule(Math.min(poll * 3, 120));
      });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      schedule(0);
    }
  });
  schedule(poll);
})();
