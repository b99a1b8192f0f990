// Story form: who else has this story open. A heartbeat every 15 s keeps this tab
// on everyone's notice and brings back theirs; a tab in the background keeps
// beating (no pause on visibilitychange, see wagtail#12207) and says it is hidden,
// so the server keeps it while the browser slows its timers; closing the tab
// sends a last beacon that takes it off at once.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("desk-presence");
  if (!box) return;
  const list = box.querySelector(".desk-presence__list");
  const every = Number(box.dataset.every || 15000);
  const tab = box.dataset.tab;
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");

  function fields(extra) {
    const data = new FormData();
    data.append("tab", tab);
    if (token) data.append("csrfmiddlewaretoken", token.value);
    for (const [name, value] of Object.entries(extra || {})) data.append(name, value);
    return data;
  }

  function show(others) {
    list.replaceChildren(
      ...others.map((editor) => {
        const item = document.createElement("li");
        const who = editor.is_me ? "You, in another tab" : editor.name;
        const changes = editor.has_changes ? "with unsaved changes" : "no unsaved changes";
        item.textContent = `${who}, since ${editor.since}, ${changes}`;
        return item;
      }),
    );
    box.hidden = others.length === 0;
  }

  let gone = false;

  async function beat() {
    if (gone) return;
    const changes = typeof window.deskHasChanges === "function" && window.deskHasChanges();
    try {
      const response = await fetch(box.dataset.url, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        body: fields({ changes: changes ? "1" : "0", hidden: document.hidden ? "1" : "0" }),
      });
      if (response.ok && !response.redirected) show((await response.json()).others);
    } catch (error) {
      // The next beat tries again; the notice keeps what it last knew.
    }
  }

  setInterval(beat, every);
  // Tell the server when the tab goes to the background (a moment later: closing a
  // tab hides it first, and then the goodbye below is all that should go out) or
  // comes back.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) setTimeout(beat, 1000);
    else beat();
  });
  window.addEventListener("pagehide", () => {
    gone = true;
    if (navigator.sendBeacon) navigator.sendBeacon(box.dataset.leaveUrl, fields());
  });
  // A page restored from the back/forward cache is open again.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) location.reload(); // a new tab id; the old one said goodbye
  });
});
