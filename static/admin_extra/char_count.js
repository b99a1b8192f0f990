// Counts characters as editors type into a field that search results or share
// cards cut (data-recommended on the input), and says when the text runs over.
(function () {
  "use strict";

  function attach(field) {
    var limit = parseInt(field.dataset.recommended, 10);
    var counter = document.createElement("p");
    counter.className = "char-count";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);

    function update() {
      var length = Array.from(field.value).length;
      var fallback = field.value.trim() === "" && field.dataset.fallback;
      counter.textContent = fallback
        ? "Empty: " + field.dataset.fallback + " is used."
        : length + " / " + limit + " characters" +
          (length > limit ? ": " + field.dataset.where + " will cut it." : "");
      counter.classList.toggle("char-count--over", length > limit);
    }

    field.addEventListener("input", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-recommended]").forEach(attach);
  });
})();
