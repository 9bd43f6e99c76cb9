// The table leader's page: autosave about a second after typing stops, a draft kept in this
// browser's storage until the desk has it, and the revision each save is based on so that two
// editors never overwrite each other (the desk merges; a field both changed comes back as a
// conflict the leader resolves here). Plain JavaScript, no libraries: the venue is offline.
"use strict";
(function () {
  const form = document.getElementById("report");
  const statusEl = document.getElementById("status");
  const api = location.pathname.replace(/\/$/, "") + "/report.json";
  const storeKey = "wd-draft:" + location.pathname;
  const csrf = form.dataset.csrf;
  const DEBOUNCE_MS = 1000, RETRY_MS = 3000, POLL_MS = 5000;

  let revision = parseInt(form.dataset.revision, 10);
  let dirty = new Set();      // top-level fields typed here and not yet on the desk
  let sending = false, timer = null, lastSaved = null, offline = false;

  const top = (key) => key.split(".")[0];
  const inputs = () => form.querySelectorAll("[data-key]");

  function valueOf(el) {
    if (el.type === "checkbox") return el.checked;
    if (el.type === "number") return el.value === "" ? null : parseInt(el.value, 10);
    return el.value;
  }
  function setValue(el, value) {
    if (el.type === "checkbox") el.checked = !!value;
    else el.value = value === null || value === undefined ? "" : String(value);
  }

  // The form as report fields: {"topic": "...", "proposals": [{"title": ...}], ...}
  function collect(only) {
    const fields = {};
    for (const el of inputs()) {
      const parts = el.dataset.key.split(".");
      if (only && !only.has(parts[0])) continue;
      let node = fields;
      parts.forEach((part, i) => {
        const last = i === parts.length - 1;
        const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
        if (last) node[part] = valueOf(el);
        else node = node[part] || (node[part] = nextIsIndex ? [] : {});
      });
    }
    for (const k of only || []) if (!(k in fields)) fields[k] = k === "proposals" || k === "members" ? [] : "";
    return fields;
  }

  function flatten(value, prefix, out) {
    if (Array.isArray(value)) value.forEach((v, i) => flatten(v, prefix + "." + i, out));
    else if (value && typeof value === "object") for (const k in value) flatten(value[k], prefix ? prefix + "." + k : k, out);
    else out[prefix] = value;
    return out;
  }

  function ensureProposals(count) {
    const box = document.getElementById("proposals");
    while (box.querySelectorAll(".proposal").length < count) addProposal(false);
  }

  // A proposal's id is made here, once: a save retried after a lost answer names the same
  // proposal, and the desk merges proposals by id, never by position.
  function newId() {
    const bytes = crypto.getRandomValues(new Uint8Array(5));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function addProposal(focus) {
    const box = document.getElementById("proposals");
    const n = box.querySelectorAll(".proposal").length;
    const html = document.getElementById("proposal-template").innerHTML.split("__N__").join(String(n));
    box.insertAdjacentHTML("beforeend", html);
    const block = box.lastElementChild;
    block.querySelector("legend").textContent = "提案 " + (n + 1);
    block.querySelector('[data-key$=".id"]').value = newId();
    if (focus) block.querySelector("input:not([type=hidden])").focus();
  }

  function removeProposal(index) {
    const blocks = document.querySelectorAll("#proposals .proposal");
    if (!blocks[index]) return;
    blocks[index].remove();
    // The blocks after it move up: their keys follow their place.
    document.querySelectorAll("#proposals .proposal").forEach((block, i) => {
      block.dataset.index = String(i);
      block.querySelector("legend").textContent = "提案 " + (i + 1);
      for (const el of block.querySelectorAll("[data-key]")) el.dataset.key = el.dataset.key.replace(/^proposals\.\d+\./, "proposals." + i + ".");
      const cost = block.querySelector("[data-cost]");
      if (cost) cost.dataset.cost = String(i);
    });
    dirty.add("proposals");
    remember();
    schedule(0);
  }

  // Show what the desk holds, except fields typed here and not yet saved.
  function show(fields) {
    const count = (fields.proposals || []).length;
    ensureProposals(count);
    if (!dirty.has("proposals")) {
      // A proposal removed at the desk goes here too, or the next save would bring it back
      // (a blank one just added here stays: blank proposals are never stored).
      const blocks = document.querySelectorAll("#proposals .proposal");
      for (let i = count; i < blocks.length; i++) {
        const filled = [...blocks[i].querySelectorAll("[data-key]:not([type=hidden])")].some((el) => el.value !== "");
        if (filled) blocks[i].remove();
      }
    }
    const flat = flatten(fields, "", {});
    const focused = document.activeElement;
    for (const el of inputs()) {
      if (dirty.has(top(el.dataset.key)) || el === focused) continue;
      setValue(el, flat[el.dataset.key]);
    }
  }

  function showCosts(proposals) {
    (proposals || []).forEach((p, i) => {
      const el = form.querySelector('[data-cost="' + i + '"]');
      if (!el) return;
      // A typed cost the desk cannot read is said here in the desk's sentence (the server's
      // cost_problem): such a proposal cannot go on the room's vote.
      const unreadable = Boolean(p.cost_problem);
      el.className = unreadable ? "cost notice error" : "cost";
      if (unreadable) el.textContent = p.cost_problem + "（看不懂的提案不會列入投票）";
      else el.textContent = p.cost === null || p.cost === undefined ? "" : "＝ 新臺幣 " + p.cost.toLocaleString("en-US") + " 元";
    });
  }

  function setStatus(text, kind) {
    statusEl.textContent = text;
    statusEl.className = "status " + kind;
  }
  function clock(d) { return d.toTimeString().slice(0, 8); }

  function remember() {
    if (dirty.size === 0) { localStorage.removeItem(storeKey); return; }
    localStorage.setItem(storeKey, JSON.stringify({ revision: revision, fields: collect(dirty) }));
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(save, ms);
  }

  async function save() {
    if (sending || dirty.size === 0) return;
    sending = true;
    const keys = new Set(dirty);
    const fields = collect(keys);
    const sentFlat = JSON.stringify(fields);
    setStatus("儲存中…", "busy");
    try {
      const response = await fetch(api, {
        method: "PUT", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ revision: revision, fields: fields }),
      });
      if (response.status === 403) {
        const refusal = await response.json().catch(() => ({}));
        if ((refusal.error || {}).code === "csrf" && !sessionStorage.getItem(storeKey)) {
          // The desk restarted and signs pages anew: reload (the draft is kept and re-sent).
          sessionStorage.setItem(storeKey, "reloaded");
          location.reload();
          return;
        }
        setStatus("已無填寫權限：請到報到台重新掃描", "error");
        sending = false;
        return;
      }
      const refusal = [422, 429, 507].includes(response.status) ? await response.clone().json().catch(() => ({})) : {};
      if (refusal.error && refusal.error.message) {
        // Refused for its content or size: say why; the draft stays here. A per-minute limit
        // passes, so that one is tried again after the time the desk names. (A 429 without
        // this shape is the server's rate limit: retried like a dropped connection.)
        setStatus("未儲存：" + refusal.error.message, "error");
        if (response.status === 429) schedule(1000 * (parseInt(response.headers.get("Retry-After"), 10) || 60));
        sending = false;
        return;
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      sessionStorage.removeItem(storeKey);
      const answer = await response.json();
      revision = answer.revision;
      // Fields typed again while this save was on its way stay dirty for the next one.
      if (JSON.stringify(collect(keys)) === sentFlat) for (const k of keys) dirty.delete(k);
      if (answer.fields) { show(answer.fields); showCosts(answer.fields.proposals); }
      if (answer.conflict) showConflicts(answer.conflict);
      lastSaved = new Date();
      offline = false;
      setStatus((answer.ok ? "已儲存 " : "部分欄位待選擇 ") + clock(lastSaved), answer.ok ? "ok" : "warn");
      remember();
    } catch (err) {
      offline = true;
      setStatus("未連線（草稿已存在這台裝置）", "error");
      schedule(RETRY_MS);
    } finally {
      sending = false;
    }
    if (dirty.size && !offline) schedule(DEBOUNCE_MS);
  }

  function showConflicts(conflict) {
    const box = document.getElementById("conflicts");
    const list = document.getElementById("conflict-list");
    for (const key in conflict) {
      const whole = /^proposals\.(\d+)$/.exec(key);
      const el = whole ? null : form.querySelector('[data-key="' + key + '"]');
      const item = document.createElement("div");
      item.className = "conflict";
      const title = document.createElement("h3");
      if (whole) {
        // One side deleted the proposal, the other edited it: the edited one was kept.
        const n = parseInt(whole[1], 10);
        title.textContent = "提案 " + (n + 1) + "：" + (conflict[key].kept === "mine"
          ? "另一位刪除了這項提案，已保留您修改的版本"
          : "您刪除了這項提案，但另一位修改過，已保留對方的版本");
        item.appendChild(title);
        for (const [side, text, remove] of [["keep", "保留這項提案", false], ["delete", "刪除這項提案", true]]) {
          const choice = document.createElement("button");
          choice.type = "button";
          choice.className = "choice " + side;
          const head = document.createElement("strong");
          head.textContent = text;
          const body = document.createElement("span");
          body.textContent = String(conflict[key].mine || conflict[key].theirs || "");
          choice.append(head, body);
          choice.addEventListener("click", () => {
            if (remove) removeProposal(n);
            item.remove();
            if (!list.children.length) box.hidden = true;
          });
          item.appendChild(choice);
        }
        list.appendChild(item);
        continue;
      }
      const label = el && el.closest("label") ? el.closest("label").firstChild.textContent : key;
      title.textContent = label;
      item.appendChild(title);
      for (const [side, text, value] of [["mine", "我的版本", conflict[key].mine], ["theirs", "另一位的版本", conflict[key].theirs]]) {
        const choice = document.createElement("button");
        choice.type = "button";
        choice.className = "choice " + side;
        const head = document.createElement("strong");
        head.textContent = text;
        const body = document.createElement("span");
        body.textContent = value === null || value === undefined || value === "" ? "（空白）" : String(value);
        choice.append(head, body);
        choice.addEventListener("click", () => {
          if (el) setValue(el, value);
          if (el && side === "mine") { dirty.add(top(key)); remember(); schedule(0); }
          item.remove();
          if (!list.children.length) box.hidden = true;
        });
        item.appendChild(choice);
      }
      list.appendChild(item);
    }
    box.hidden = !list.children.length;
    box.scrollIntoView({ block: "start" });
  }

  async function poll() {
    if (sending || dirty.size) return;
    try {
      const response = await fetch(api, { credentials: "same-origin" });
      if (response.status === 403) { setStatus("已無填寫權限：請到報到台重新掃描", "error"); return; }
      const report = await response.json();
      if (offline) { offline = false; setStatus(lastSaved ? "已儲存 " + clock(lastSaved) : "已連線", "ok"); }
      if (report.revision !== revision) { revision = report.revision; show(report.fields); }
      showCosts(report.fields.proposals);
    } catch (err) {
      offline = true;
      setStatus("未連線" + (lastSaved ? "（上次儲存 " + clock(lastSaved) + "）" : ""), "error");
    }
  }

  form.addEventListener("input", (event) => {
    const key = event.target.dataset && event.target.dataset.key;
    if (!key) return;
    dirty.add(top(key));
    remember();
    setStatus("未儲存的修改…", "busy");
    schedule(DEBOUNCE_MS);
  });
  document.getElementById("add-proposal").addEventListener("click", () => addProposal(true));
  window.addEventListener("online", () => schedule(0));

  document.querySelector('#photo-form input[type="file"]').addEventListener("change", async (event) => {
    const photoStatus = document.getElementById("photo-status");
    if (!event.target.files.length) return;
    photoStatus.textContent = "上傳中…";
    try {
      const response = await fetch(location.pathname.replace(/\/$/, "") + "/photo", {
        method: "POST", credentials: "same-origin", body: new FormData(document.getElementById("photo-form")),
      });
      const answer = await response.json();
      photoStatus.textContent = answer.ok ? "已附照片 " + clock(new Date()) : "照片未送出：" + (answer.error || {}).message;
    } catch (err) {
      photoStatus.textContent = "未連線：照片未送出，恢復連線後請再選一次";
    }
  });

  // A draft left by a dropped connection or a closed tab is put back and sent.
  const kept = localStorage.getItem(storeKey);
  if (kept) {
    try {
      const draft = JSON.parse(kept);
      revision = draft.revision;
      ensureProposals((draft.fields.proposals || []).length);
      const flat = flatten(draft.fields, "", {});
      for (const el of inputs()) if (el.dataset.key in flat) setValue(el, flat[el.dataset.key]);
      for (const k in draft.fields) dirty.add(k);
      schedule(0);
    } catch (err) {
      localStorage.removeItem(storeKey);
    }
  }
  setStatus(dirty.size ? "正在送出草稿…" : "已連線", dirty.size ? "busy" : "ok");
  poll();
  setInterval(poll, POLL_MS);
})();
