// GOV.UK Frontend components and the session timeout warning. Static files (not inline) so
// the Content-Security-Policy can forbid inline scripts.
import { initAll } from "/static/govuk/govuk-frontend.min.js";
import { initSessionTimeout } from "/static/js/session.js";
import { initTableFrames } from "/static/js/tables.js";
import { initBusyForms } from "/static/js/busy.js";
import { initNewNotes } from "/static/js/notes.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
initSessionTimeout();
initTableFrames();
initBusyForms();
initNewNotes();
