// Story form: while it has changes, the whole form is kept on the server every 10 s
// as the editor's private autosave (and once more when the page goes away), so a
// crash, a closed tab or an expired session loses nothing. Never the story itself.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("desk-autosave");
  const form = box && box.closest("form");
  if (!form) return;
  const status = box.querySelector(".desk-autosave__status");
  const url = box.dataset.url;
  const every = Number(box.dataset.every || 10000);
  let dirty = false;
  let busy = false;
  let leaving = false;
  // Changed since the page loaded (a restored autosave counts): unsaved, for the
  // "who is editing" notice.
  let touched = Boolean(box.querySelector(".desk-notice--restored"));

  const say = (text) => { status.textContent = text; };

  function formData() {
    const data = new FormData(form);
    for (const [name, value] of Array.from(data.entries())) {
      if (value instanceof File) data.delete(name); // pictures are uploaded on Save
    }
    return data;
  }

  async function save() {
    if (!dirty || busy || leaving) return;
    busy = true;
    dirty = false;
    try {
      const response = await fetch(url, {
        method: "POST",
        body: formData(),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (response.redirected) {
        dirty = true;
        say("You are signed out. Sign in again (in another tab) and your changes are kept from then on; the last autosave is safe.");
      } else if (response.ok) {
        const answer = await response.json();
        say(`Autosaved privately at ${answer.shown}; readers see nothing until you save.`);
      } else {
        const answer = await response.json().catch(() => ({}));
        say(answer.error || "Autosave failed; your changes are still in this page.");
        if (response.status >= 500) dirty = true;
      }
    } catch (error) {
      dirty = true;
      say("Autosave could not reach the server; it tries again in a few seconds.");
    } finally {
      busy = false;
    }
  }

  const changed = (event) => {
    if (event.target.closest && event.target.closest("#desk-autosave")) return;
    dirty = touched = true;
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // The rich-text editor updates its hidden field without form events.
  const body = form.querySelector("textarea[name=body]");
  if (body) {
    let last = body.value;
    setInterval(() => {
      if (body.value !== last) { last = body.value; dirty = touched = true; }
    }, 1000);
  }
  form.addEventListener("submit", () => { leaving = true; });
  setInterval(save, every);

  // A closed tab or a crash-to-be: one last copy, sent even as the page unloads.
  window.addEventListener("pagehide", () => {
    if (dirty && !leaving && navigator.sendBeacon) navigator.sendBeacon(url, formData());
  });
  // For the presence notice and the tests: whether this page has unsaved changes.
  window.deskHasChanges = () => touched;
});
