// The reviewer steps through a replay with the keyboard as with the links: ← and → one step, Home and End to either end.
// Keys typed into a field (the jump to a step) stay with the field.
document.addEventListener('keydown', event => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.target.closest('input, textarea, select, [contenteditable]')) return;
    const link = {
        ArrowLeft: 'replay-previous',
        ArrowRight: 'replay-next',
        Home: 'replay-first',
        End: 'replay-last',
    }[event.key];
    const target = link && document.getElementById(link);
    if (!target) return;
    event.preventDefault();
    target.click();
});

// The current action stays in view in a long list.
document.querySelector('#replay-actions [aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
