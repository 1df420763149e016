// The page follows the server: on every "update" event it reads /slides.json and changes
// only what changed. A slide's image URL names its content, so an unchanged slide keeps
// its <img> and is not fetched again.
"use strict";

const list = document.getElementById("slides");
const statusLine = document.getElementById("status");

function located(problem) {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const path = problem.path ? `${problem.path}: ` : "";
  const item = document.createElement("li");
  const code = document.createElement("span");
  code.className = "where";
  code.textContent = `${where}:`;
  item.append(code, ` ${path}${problem.message}`);
  return item;
}

function showProblems(panel, problems) {
  panel.querySelector(".problems").replaceChildren(...problems.map(located));
  panel.hidden = problems.length === 0;
}

function slideItem() {
  const item = document.createElement("li");
  item.className = "slide";
  const figure = document.createElement("figure");
  figure.style.margin = "0";
  const link = document.createElement("a");
  link.target = "_blank";
  const image = document.createElement("img");
  image.decoding = "async";
  const caption = document.createElement("figcaption");
  const number = document.createElement("span");
  number.className = "number";
  const title = document.createElement("span");
  title.className = "title";
  caption.append(number, title);
  link.append(image);
  figure.append(link, caption);
  item.append(figure);
  return item;
}

// Returns a promise that settles when the new images are shown.
function showSlides(slides) {
  while (list.children.length > slides.length) list.lastElementChild.remove();
  while (list.children.length < slides.length) list.append(slideItem());
  const loading = [];
  slides.forEach((slide, index) => {
    const item = list.children[index];
    const image = item.querySelector("img");
    const label = `Slide ${slide.number}: ${slide.title || "(no title)"}`;
    item.dataset.number = slide.number;
    item.querySelector(".number").textContent = slide.number;
    item.querySelector(".title").textContent = slide.title;
    item.querySelector("a").href = slide.image;
    image.alt = label;
    if (image.getAttribute("src") !== slide.image) {
      const wasShown = image.hasAttribute("src");
      image.src = slide.image;
      loading.push(image.decode().catch(() => undefined));
      item.classList.toggle("changed", wasShown);
    } else {
      item.classList.remove("changed");
    }
  });
  return Promise.all(loading);
}

function describe(state) {
  const count = `${state.slides.length} slide${state.slides.length === 1 ? "" : "s"}`;
  if (state.status === "building") return "Building…";
  if (state.status === "failed") {
    return state.slides.length ? `Build failed: showing the last good ${count}` : "Build failed";
  }
  const rendered = state.rendered ? state.rendered.length : 0;
  return `Up to date: ${count}, ${rendered} re-rendered`;
}

let shown = -1;
let reading = Promise.resolve();

async function refresh() {
  const response = await fetch("/slides.json", { cache: "no-store" });
  const state = await response.json();
  if (state.version <= shown) return;
  document.getElementById("deck").textContent = state.deck;
  showProblems(document.getElementById("errors"), state.errors);
  showProblems(document.getElementById("findings"), state.findings);
  document.getElementById("findings-title").textContent = `Findings (${state.findings.length})`;
  await showSlides(state.slides);
  statusLine.textContent = describe(state);
  shown = state.version;
  // For scripts and tests: which state the page shows, once its images are decoded.
  document.body.dataset.status = state.status;
  document.body.dataset.version = String(state.version);
}

function queueRefresh() {
  reading = reading.then(refresh).catch(() => {
    statusLine.textContent = "The preview server does not answer; is slidegen preview running?";
  });
}

const events = new EventSource("/events");
events.addEventListener("update", queueRefresh);
events.addEventListener("error", () => {
  if (events.readyState !== EventSource.OPEN) {
    statusLine.textContent = "Disconnected from slidegen preview; reconnecting…";
  }
});
