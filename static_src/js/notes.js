// A workshop board says when others have added notes ("3 new notes") in a polite status line
// and loads them only when asked: it never reloads the page or moves focus while someone is
// typing. It checks every 15 seconds while the page is in view.
export function initNewNotes(root = document) {
  const status = root.querySelector(".macs-new-notes[data-count-url]");
  if (!status) return;
  const shown = Number(status.dataset.notes);
  let told = 0;
  const check = async () => {
    if (document.hidden) return;
    try {
      const response = await fetch(status.dataset.countUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const added = (await response.json()).notes - shown;
      if (added > 0 && added !== told) {
        told = added;
        status.textContent = `${added} new note${added === 1 ? "" : "s"}. `;
        const link = document.createElement("a");
        link.className = "govuk-link";
        link.href = status.dataset.showUrl;
        link.textContent = "Show the new notes";
        link.addEventListener("click", (event) => {
          event.preventDefault();
          window.location.replace(status.dataset.showUrl);
          window.location.reload();
        });
        status.appendChild(link);
      }
    } catch {
      // Offline for a moment: the next check tries again.
    }
  };
  setInterval(check, 15000);
}
