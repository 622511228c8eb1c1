// Project pages come from the shared page cache, so their forms carry no per-visitor CSRF token: fetch this
// visitor's own token (the endpoint also sets the CSRF cookie) just before the form is sent.
for (const form of document.querySelectorAll("form[data-token-url]")) {
    form.addEventListener("submit", async (event) => {
        const field = form.elements.csrfmiddlewaretoken;
        if (field.value) return;
        event.preventDefault();
        try {
            const answer = await fetch(form.dataset.tokenUrl, { credentials: "same-origin" });
            field.value = (await answer.json()).token;
        } catch {
            // Sent without a token, the server answers with the filled-in form to confirm: nothing typed is lost.
        }
        form.submit();
    });
}
