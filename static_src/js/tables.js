// Wide tables on narrow screens: each table wider than its column gets its own frame that
// scrolls sideways, with a visible hint, instead of pushing the whole page wider than the
// phone. The frame is a named region a keyboard can reach and scroll.
export function initTableFrames(root = document) {
  let count = 0;
  const frame = (table) => {
    let wrapper = table.parentElement;
    if (!wrapper.classList.contains("macs-table-scroll")) {
      wrapper = document.createElement("div");
      wrapper.className = "macs-table-scroll";
      table.replaceWith(wrapper);
      wrapper.appendChild(table);
    }
    count += 1;
    const caption = table.caption ? table.caption.textContent.trim() : "";
    const name = caption || `Table ${count}`;
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", `${name} (scrolls sideways)`);
    wrapper.setAttribute("tabindex", "0");
    if (!wrapper.previousElementSibling?.classList.contains("macs-scroll-hint")) {
      const hint = document.createElement("p");
      hint.className = "govuk-body-s macs-scroll-hint";
      hint.textContent = "Scroll sideways to see the whole table.";
      wrapper.before(hint);
    }
  };
  const check = () => {
    root.querySelectorAll("table.govuk-table").forEach((table) => {
      const wrapper = table.parentElement;
      if (wrapper.classList.contains("macs-table-scroll")) {
        if (!wrapper.hasAttribute("role") && table.scrollWidth > wrapper.clientWidth + 1) {
          frame(table);
        }
        return;
      }
      // Wider than the page's column (its parent may have grown with it).
      const column = (table.closest("main") || document.body).getBoundingClientRect();
      if (table.getBoundingClientRect().right > column.right + 1) {
        frame(table);
      }
    });
  };
  check();
  window.addEventListener("resize", check);
}
