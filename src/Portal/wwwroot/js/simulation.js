// The task sheet beside every page of the simulated CRM: shown or hidden by its button, remembered per browser.
(() => {
    const toggle = document.getElementById('sheet-toggle');
    const panel = document.getElementById('sheet-panel');
    if (!toggle || !panel) return;
    const apply = shown => {
        panel.hidden = !shown;
        toggle.setAttribute('aria-expanded', String(shown));
        document.body.classList.toggle('sheet-hidden', !shown);
    };
    apply(localStorage.getItem('sim-sheet') !== 'hidden');
    toggle.addEventListener('click', () => {
        const shown = panel.hidden;
        localStorage.setItem('sim-sheet', shown ? 'shown' : 'hidden');
        apply(shown);
    });
})();
