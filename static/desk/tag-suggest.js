// Story form: while a tag is typed, existing tags that match it are offered (any
// capitals, any accents), so "nato" becomes the newsroom's "NATO" rather than a twin.
"use strict";

// Loaded in <head> with the form's media: wait for the form.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("id_tags");
  if (!input || !input.dataset.suggestUrl) return;

  const list = document.createElement("ul");
  list.id = "tag-suggestions";
  list.className = "tag-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Existing tags");
  list.hidden = true;
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  let active = -1;
  let timer = null;
  let asked = "";

  const parts = () => input.value.split(",");
  const current = () => parts()[parts().length - 1].trim();
  const taken = () => parts().slice(0, -1).map((name) => name.trim().toLowerCase());

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(name) {
    const kept = parts().slice(0, -1).map((part) => part.trim()).filter(Boolean);
    input.value = [...kept, name].join(", ") + ", ";
    close();
    input.focus();
  }

  function highlight(index) {
    const options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  function show(tags) {
    const already = taken();
    const fresh = tags.filter((tag) => !already.includes(tag.name.toLowerCase()));
    if (!fresh.length) return close();
    list.replaceChildren(
      ...fresh.map((tag, i) => {
        const option = document.createElement("li");
        option.id = `tag-suggestion-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.name = tag.name;
        option.textContent = tag.name;
        const count = document.createElement("span");
        count.className = "quiet";
        count.textContent = ` ${tag.stories} ${tag.stories === 1 ? "story" : "stories"}`;
        option.append(count);
        // mousedown, not click: the input keeps its focus.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(tag.name);
        });
        return option;
      }),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  }

  async function ask() {
    const query = current();
    asked = query;
    if (!query) return close();
    const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(query)}`;
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok || response.redirected) return close();
      const data = await response.json();
      if (asked === query) show(data.tags);
    } catch (error) {
      close();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown") highlight(active + 1);
    else if (event.key === "ArrowUp") highlight(active - 1);
    else if (event.key === "Escape") close();
    else if (event.key === "Enter" && active >= 0) {
      choose(list.querySelectorAll("[role=option]")[active].dataset.name);
    } else return;
    event.preventDefault();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
});
