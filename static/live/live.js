// Live coverage: new, edited and deleted entries appear while the page is open.
//
// Every reader at the latest state asks the same tiny "head" (shared caches answer
// it); only when it names a newer sequence does the page ask for the changes since
// its own, from log ranges that never change. The server sets the pace and tells an
// ended story's pages to stop. New entries go in only while the reader is at the
// top of the list; further down a "N new updates" button waits for them.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-head]");
  if (!root || !window.fetch || !("content" in document.createElement("template"))) {
    return;
  }
  var headUrl = root.getAttribute("data-live-head");
  var logUrl = root.getAttribute("data-live-log");
  var cursor = parseInt(root.getAttribute("data-live-sequence"), 10);
  var poll = parseInt(root.getAttribute("data-live-poll"), 10) || 10;
  var list = root.querySelector("[data-live-entries]");
  var pinnedSlot = root.querySelector("[data-live-pinned]");
  var keyEvents = root.querySelector("[data-live-key-events]");
  var newButton = root.querySelector("[data-live-new]");
  var pending = [];
  var timer = null;
  var busy = false;

  function element(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html;
    return holder.content.firstElementChild;
  }

  function byEntry(container, id) {
    return container ? container.querySelector('[data-entry="' + id + '"]') : null;
  }

  function atTop() {
    return list.getBoundingClientRect().top > -60;
  }

  function showButton() {
    if (!pending.length) {
      newButton.hidden = true;
      return;
    }
    newButton.textContent =
      pending.length === 1 ? "1 new update" : pending.length + " new updates";
    newButton.hidden = false;
  }

  function flush() {
    var empty = list.querySelector("[data-live-empty]");
    if (empty && pending.length) {
      empty.remove();
    }
    pending.forEach(function (entry) {
      list.insertBefore(entry, list.firstElementChild);
    });
    pending = [];
    showButton();
  }

  function setPinned(change, entry) {
    if (!pinnedSlot) {
      return;
    }
    var shown = byEntry(pinnedSlot, change.id);
    if (change.pinned && entry) {
      var copy = entry.cloneNode(true);
      copy.removeAttribute("id");
      var previous = pinnedSlot.querySelector("[data-entry]");
      if (previous) {
        previous.replaceWith(copy);
      } else {
        pinnedSlot.appendChild(copy);
      }
      pinnedSlot.hidden = false;
    } else if (shown) {
      shown.remove();
      pinnedSlot.hidden = true;
    }
  }

  function setKeyEvent(change, entry) {
    if (!keyEvents) {
      return;
    }
    var items = keyEvents.querySelector("ol");
    var item = byEntry(items, change.id);
    if (!change.key_event || !entry) {
      if (item) {
        item.remove();
      }
    } else {
      if (!item) {
        item = document.createElement("li");
        item.setAttribute("data-entry", change.id);
        items.insertBefore(item, items.firstElementChild);
      }
      var link = document.createElement("a");
      link.href = "#" + change.anchor;
      var time = entry.querySelector("time");
      if (time) {
        link.appendChild(time.cloneNode(true));
        link.appendChild(document.createTextNode(" "));
      }
      link.appendChild(document.createTextNode(change.label));
      item.replaceChildren(link);
    }
    keyEvents.hidden = !items.children.length;
  }

  function apply(change) {
    var current = byEntry(list, change.id);
    var waiting = pending.findIndex(function (entry) {
      return entry.getAttribute("data-entry") === String(change.id);
    });
    if (change.gone) {
      if (current) {
        current.remove();
      }
      if (waiting >= 0) {
        pending.splice(waiting, 1);
      }
      setPinned(change, null);
      setKeyEvent(change, null);
      return;
    }
    var entry = element(change.html);
    if (current) {
      current.replaceWith(entry);
    } else if (waiting >= 0) {
      pending[waiting] = entry;
    } else {
      pending.push(entry);
    }
    setPinned(change, entry);
    setKeyEvent(change, entry);
  }

  function getJSON(url, fresh) {
    // The head is asked past the browser's own cache (a cheap revalidation), which
    // no purge reaches; log ranges never change, so the browser may keep them.
    var options = { headers: { Accept: "application/json" } };
    if (fresh) {
      options.cache = "no-cache";
    }
    return fetch(url, options).then(
      function (response) {
        if (!response.ok) {
          throw new Error(url + " answered " + response.status);
        }
        return response.json();
      }
    );
  }

  function catchUp(target, span) {
    if (cursor >= target) {
      return Promise.resolve();
    }
    var upto = Math.min(target, cursor + span);
    return getJSON(logUrl + cursor + "-" + upto + "/").then(function (range) {
      range.changes.forEach(apply);
      cursor = upto;
      return catchUp(target, span);
    });
  }

  function ended() {
    var label = root.querySelector(".label-live");
    if (label) {
      label.remove();
    }
    var status = root.querySelector(".live__status");
    if (status) {
      status.textContent = "This live coverage has ended.";
      status.classList.add("live__status--ended");
    }
  }

  function schedule(seconds) {
    clearTimeout(timer);
    // A little spread, so that pages opened together do not ask together.
    timer = setTimeout(check, seconds * (900 + Math.random() * 200));
  }

  function check() {
    if (document.hidden || busy) {
      return; // visibilitychange asks again when the reader comes back
    }
    busy = true;
    getJSON(headUrl, true)
      .then(function (head) {
        return catchUp(head.sequence, head.span || 200).then(function () {
          return head;
        });
      })
      .then(function (head) {
        busy = false;
        if (pending.length && atTop()) {
          flush();
        }
        showButton();
        if (!head.open || !head.poll) {
          ended();
          return;
        }
        poll = head.poll;
        schedule(poll);
      })
      .catch(function () {
        busy = false;
        schedule(Math.min(poll * 3, 120));
      });
  }

  newButton.addEventListener("click", function () {
    flush();
    list.scrollIntoView({ block: "start" });
    var first = list.firstElementChild;
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.focus({ preventScroll: true });
    }
  });
  window.addEventListener(
    "scroll",
    function () {
      if (pending.length && atTop()) {
        flush();
      }
    },
    { passive: true }
  );
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      schedule(0);
    }
  });
  schedule(poll);
})();
