// predeparture serve: live preview, downloads and roster upload. The page
// works without it too: the form posts to /api/render and the browser saves
// the PDF.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("form");
  const messages = JSON.parse($("messages").textContent);
  const say = (id, values = {}) =>
    (messages[id] || id).replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const status = $("status");
  const error = $("error");
  const preview = $("preview");
  const previewStatus = $("preview-status");
  const progress = $("roster-progress");

  /** Shows only the chosen checklist's roles, the packet fields for packets, paper for print. */
  function sync() {
    const checklist = form.elements.checklist.value;
    let roles = 0;
    for (const div of form.querySelectorAll(".role")) {
      const on = div.dataset.checklist === checklist;
      div.hidden = !on;
      div.querySelector("input").disabled = !on;
      roles += on ? 1 : 0;
    }
    $("no-roles").hidden = roles > 0;
    const profile = form.elements.profile.value;
    const packet = $("packet");
    packet.hidden = profile !== "packet";
    packet.disabled = profile !== "packet";
    $("paper").hidden = profile === "phone";
    $("page").disabled = profile === "phone";
  }

  /** The problem's one-line message, and its rows when a roster had bad ones. */
  async function problem(text, statusText) {
    try {
      const p = JSON.parse(text);
      return { detail: p.detail || statusText, errors: p.errors || [] };
    } catch (_) {
      return { detail: statusText, errors: [] };
    }
  }

  function showError(p) {
    error.textContent = say("web-error", { message: p.detail });
    if (p.errors.length) {
      const list = document.createElement("ul");
      for (const e of p.errors) {
        const li = document.createElement("li");
        li.textContent = e.line ? `${e.line}: ${e.message}` : e.message;
        list.append(li);
      }
      error.append(list);
    }
  }

  function fileName(disposition, fallback) {
    const m = /filename="([^"]+)"/.exec(disposition || "");
    return m ? m[1] : fallback;
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  let controller = null;
  let timer = null;

  async function update() {
    if (controller) controller.abort();
    controller = new AbortController();
    const data = new FormData(form);
    data.delete("roster");
    previewStatus.textContent = say("web-updating");
    preview.setAttribute("aria-busy", "true");
    try {
      const r = await fetch("/api/preview", { method: "POST", body: data, signal: controller.signal });
      const text = await r.text();
      if (!r.ok) {
        const p = await problem(text, r.statusText);
        previewStatus.textContent = say("web-error", { message: p.detail });
        return;
      }
      preview.innerHTML = text;
      const article = preview.querySelector("article");
      previewStatus.textContent = article ? article.dataset.pagesLine : "";
      preview.dataset.ready = String(Date.now());
    } catch (e) {
      if (e.name !== "AbortError") previewStatus.textContent = say("web-error", { message: String(e) });
    } finally {
      preview.setAttribute("aria-busy", "false");
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }

  async function download(button) {
    const data = new FormData(form);
    data.delete("roster");
    status.textContent = say("web-making");
    button.disabled = true;
    try {
      const r = await fetch("/api/render", { method: "POST", body: data, headers: { Accept: "application/pdf" } });
      if (!r.ok) {
        status.textContent = "";
        showError(await problem(await r.text(), r.statusText));
        return;
      }
      const name = fileName(r.headers.get("content-disposition"), "checklist.pdf");
      save(await r.blob(), name);
      status.textContent = say("web-made", { file: name });
    } catch (e) {
      status.textContent = "";
      showError({ detail: String(e), errors: [] });
    } finally {
      button.disabled = false;
    }
  }

  /** A token to ask the server how far the packets are. */
  function token() {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function roster(button) {
    const data = new FormData(form);
    const xhr = new XMLHttpRequest();
    const tracked = token();
    progress.dataset.token = tracked;
    let polling = null;
    xhr.open("POST", "/api/roster?progress=" + tracked);
    xhr.responseType = "blob";
    button.disabled = true;
    progress.hidden = false;
    progress.removeAttribute("value");
    status.textContent = say("web-uploading");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        progress.max = e.total;
        progress.value = e.loaded;
      }
    };
    xhr.upload.onload = () => {
      progress.removeAttribute("value");
      status.textContent = say("web-making-packets");
      // One count per packet made, asked for while the server works.
      polling = setInterval(async () => {
        const answer = await fetch("/api/progress/" + tracked).catch(() => null);
        if (!answer || !answer.ok || polling === null) return;
        const { done, total } = await answer.json();
        if (total > 0) {
          progress.max = total;
          progress.value = done;
          progress.dataset.packets = done + "/" + total;
        }
      }, 250);
    };
    xhr.onprogress = (e) => {
      if (e.lengthComputable) {
        progress.max = e.total;
        progress.value = e.loaded;
      }
    };
    xhr.onloadend = async () => {
      clearInterval(polling);
      polling = null;
      button.disabled = false;
      progress.hidden = true;
      if (xhr.status === 200) {
        const name = fileName(xhr.getResponseHeader("content-disposition"), "packets.zip");
        save(xhr.response, name);
        status.textContent = say("web-made-packets", { file: name });
        return;
      }
      status.textContent = "";
      const text = xhr.response ? await xhr.response.text() : "";
      showError(await problem(text, xhr.statusText || "network error"));
    };
    xhr.send(data);
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    error.textContent = "";
    const button = ev.submitter || $("download");
    if (button.id === "roster-button") roster(button);
    else download(button);
  });
  form.addEventListener("change", () => {
    sync();
    schedule();
  });
  form.addEventListener("input", (ev) => {
    if (ev.target.type !== "file") schedule();
  });
  sync();
  update();
})();
