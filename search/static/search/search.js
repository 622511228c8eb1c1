// Wider screens show the filters beside the results; phones keep them folded below.
if (window.matchMedia("(min-width: 48.01rem)").matches) {
    document.querySelectorAll("details.search-filters").forEach((details) => { details.open = true; });
}
