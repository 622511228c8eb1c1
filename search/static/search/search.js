// Wider screens show the filters beside the results; phones keep them folded below.
if (window.matchMedia("(min-width: 48.01rem)").matches) {
    document.querySelectorAll("details.search-filters").forEach((details) => { details.open = true; });
}

// Completions while typing: known words and titles from /api/v2/search/suggest/, offered by the box's datalist.
document.querySelectorAll("input[data-suggest-url]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    let timer = null;
    input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const q = input.value.trim();
            if (!q || !list) { return; }
            const response = await fetch(`${input.dataset.suggestUrl}?q=${encodeURIComponent(q)}`);
            if (!response.ok) { return; }
            const body = await response.json();
            list.replaceChildren(...[...body.terms, ...body.titles.map((t) => t.title)].map((value) => {
                const option = document.createElement("option");
                option.value = value;
                return option;
            }));
        }, 150);
    });
});
