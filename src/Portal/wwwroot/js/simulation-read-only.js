// After the session closes the sandbox is read-only: every form that would send a command is disabled.
document.querySelectorAll('form[method="post"]').forEach(form => {
    if (form.closest('header')) return;
    form.querySelectorAll('input, select, textarea, button').forEach(control => { control.disabled = true; });
});
