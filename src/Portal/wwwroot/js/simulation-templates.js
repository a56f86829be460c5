// The template editor's tag picker: a tag goes into the text where the cursor is.
(() => {
    const body = document.getElementById('Body');
    document.querySelectorAll('button.tag').forEach(button => button.addEventListener('click', () => {
        const snippet = button.dataset.snippet;
        const start = body.selectionStart ?? body.value.length;
        const end = body.selectionEnd ?? start;
        body.setRangeText(snippet, start, end, 'end');
        body.focus();
    }));
})();
