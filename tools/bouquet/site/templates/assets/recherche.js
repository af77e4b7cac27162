// Full-text search with Pagefind's index (built at each build). No inline script: the
// Content-Security-Policy forbids them. The result count is announced in a live region.
const form = document.getElementById("recherche");
const input = document.getElementById("requete");
const state = document.getElementById("etat");
const list = document.getElementById("resultats");
let pagefind = null;

async function load() {
  if (pagefind === null) {
    pagefind = await import(form.dataset.index);
    await pagefind.options({ excerptLength: 24 });
  }
  return pagefind;
}

function count(n) {
  if (n === 0) return "Aucun module trouvé.";
  return n === 1 ? "1 module trouvé." : `${n} modules trouvés.`;
}

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) { state.textContent = ""; return; }
  state.textContent = "Recherche en cours…";
  const engine = await load();
  const found = await engine.search(query);
  const items = await Promise.all(found.results.slice(0, 30).map((r) => r.data()));
  for (const item of items) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.meta.title || item.url;
    const excerpt = document.createElement("p");
    excerpt.textContent = item.excerpt.replace(/<[^>]*>/g, "");
    li.append(link, excerpt);
    list.append(li);
  }
  state.textContent = count(found.results.length);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(window.location.href);
  url.searchParams.set("q", input.value);
  window.history.replaceState(null, "", url);
  run(input.value);
});
const initial = new URLSearchParams(window.location.search).get("q");
if (initial) { input.value = initial; run(initial); }
