// Drag and drop on the pipeline board. Each drop is one command to the simulation API with an id of its own, so a
// retried request is applied once; the page is then drawn again from the sandbox. Each card's form does the same
// from the keyboard.
(() => {
    const board = document.getElementById('board');
    if (!board) return;
    const status = document.getElementById('board-status');
    let dragged = null;

    board.addEventListener('dragstart', event => {
        const card = event.target.closest('.deal[draggable="true"]');
        if (!card) return;
        dragged = card;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', card.dataset.id);
        card.classList.add('dragging');
    });
    board.addEventListener('dragend', () => {
        dragged?.classList.remove('dragging');
        dragged = null;
        board.querySelectorAll('.column.over').forEach(c => c.classList.remove('over'));
    });
    board.addEventListener('dragover', event => {
        const column = event.target.closest('.column');
        if (!column || !dragged) return;
        event.preventDefault();
        board.querySelectorAll('.column.over').forEach(c => c !== column && c.classList.remove('over'));
        column.classList.add('over');
    });
    board.addEventListener('drop', async event => {
        const column = event.target.closest('.column');
        if (!column || !dragged) return;
        event.preventDefault();
        column.classList.remove('over');
        const id = dragged.dataset.id;
        const stage = column.dataset.stage;
        if (dragged.closest('.column') === column) return;
        const command = stage === 'won'
            ? { $type: 'opportunity.close', opportunityId: id, won: true, reason: null }
            : { $type: 'opportunity.move', opportunityId: id, stageId: stage };
        await send(command, id);
    });

    async function send(command, id) {
        status.textContent = '';
        try {
            const response = await fetch(`/api/simulation/${board.dataset.session}/commands`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': board.dataset.token },
                body: JSON.stringify({ commandId: crypto.randomUUID(), command }),
            });
            const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
            if (response.ok && body?.action?.accepted) {
                location.assign(`${location.pathname}?pipeline=${encodeURIComponent(board.dataset.pipeline)}&moved=${encodeURIComponent(id)}`);
                return;
            }
            status.textContent = body?.action?.errors?.map(e => e.message).join(' ') ?? body?.message ?? board.dataset.failed;
        } catch {
            status.textContent = board.dataset.failed;
        }
    }
})();
