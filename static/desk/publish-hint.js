// Story form: says what an empty "publish at" means before the editor saves.
"use strict";

// Loaded in <head> with the form's media: wait for the form.
document.addEventListener("DOMContentLoaded", () => {
  const status = document.getElementById("id_status");
  const date = document.getElementById("id_publish_at_0");
  const time = document.getElementById("id_publish_at_1");
  if (!status || !date || !time) return;

  const hint = document.createElement("p");
  hint.className = "publish-hint";
  hint.id = "publish-hint";
  hint.setAttribute("aria-live", "polite");
  (date.closest(".datetime") || date.parentElement).after(hint);

  function update() {
    const empty = !date.value.trim() && !time.value.trim();
    const published = status.value === "published";
    hint.textContent = published && empty ? "Publish at: now, when you save." : "";
    hint.hidden = !hint.textContent;
    for (const field of [date, time]) field.placeholder = published ? "now" : "";
  }

  for (const field of [status, date, time]) {
    field.addEventListener("input", update);
    field.addEventListener("change", update);
  }
  // The admin's Today/Now shortcuts fill the fields without an input event.
  document.addEventListener("click", () => setTimeout(update, 0));
  update();
});
