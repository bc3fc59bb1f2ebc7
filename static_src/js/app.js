// GOV.UK Frontend components. A static file (not inline) so the Content-Security-Policy can
// forbid inline scripts.
import { initAll } from "/static/govuk/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
