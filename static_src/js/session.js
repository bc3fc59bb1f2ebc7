// Session timeout warning (WCAG 2.2.1 Timing Adjustable). Two minutes before the idle limit a
// dialog offers "Stay signed in", which extends the session without leaving the page, so
// nothing typed is lost. Before warning it asks the server how long is really left, so a tab
// kept busy elsewhere does not warn needlessly.

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)(?:__Host-macs-csrf|csrftoken)=([^;]+)/);
  if (match) return decodeURIComponent(match[1]);
  const input = document.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

export function initSessionTimeout() {
  const body = document.body;
  const url = body.dataset.sessionUrl;
  const dialog = document.getElementById("session-timeout");
  if (!url || !dialog || typeof dialog.showModal !== "function") return;
  const warnBefore = Number(body.dataset.sessionWarning || "120") * 1000;
  const countdown = dialog.querySelector("[data-session-countdown]");
  let warnTimer = null;
  let tickTimer = null;
  let deadline = 0;

  function schedule(secondsLeft) {
    clearTimeout(warnTimer);
    deadline = Date.now() + secondsLeft * 1000;
    warnTimer = setTimeout(check, Math.max(0, secondsLeft * 1000 - warnBefore));
  }

  async function status(method) {
    const response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: method === "POST" ? { "X-CSRFToken": csrfToken() } : {},
    });
    return response.json();
  }

  function signedOut() {
    window.location.href = body.dataset.signInUrl + "?next=" + encodeURIComponent(window.location.pathname);
  }

  function tick() {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const minutes = Math.floor(left / 60);
    const seconds = left % 60;
    countdown.textContent =
      minutes > 0 ? `${minutes} minute${minutes === 1 ? "" : "s"} ${seconds} seconds` : `${seconds} seconds`;
    if (left === 0) {
      clearInterval(tickTimer);
      signedOut();
    }
  }

  async function check() {
    const state = await status("GET");
    if (!state.signed_in) return signedOut();
    if (state.seconds_left * 1000 > warnBefore + 5000) return schedule(state.seconds_left);
    deadline = Date.now() + state.seconds_left * 1000;
    tick();
    tickTimer = setInterval(tick, 1000);
    dialog.showModal();
  }

  dialog.querySelector("[data-session-extend]").addEventListener("click", async () => {
    const state = await status("POST");
    clearInterval(tickTimer);
    dialog.close();
    if (!state.signed_in) return signedOut();
    schedule(state.seconds_left);
  });
  dialog.addEventListener("cancel", (event) => event.preventDefault());

  status("GET").then((state) => state.signed_in && schedule(state.seconds_left));
}
