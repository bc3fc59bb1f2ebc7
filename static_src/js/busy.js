// A form that takes a while (making a PDF) says so once it is sent: the button reads what is
// happening and the page's status line announces it, instead of a page that seems to hang.
export function initBusyForms(root = document) {
  root.querySelectorAll("form[data-macs-busy]").forEach((form) => {
    form.addEventListener("submit", () => {
      const message = form.dataset.macsBusy;
      const button = form.querySelector("button[type=submit]");
      if (button) {
        button.setAttribute("aria-disabled", "true");
        button.classList.add("govuk-button--disabled");
        button.textContent = button.textContent.replace(/^Make/, "Making");
      }
      const status = root.querySelector(".macs-busy-status");
      if (status) {
        status.textContent = message;
      }
    });
  });
}
