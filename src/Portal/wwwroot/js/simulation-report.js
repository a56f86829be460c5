// Draws a report's chart with Chart.js from the data the server computed (the table under it holds the same numbers).
(() => {
    const canvas = document.getElementById('report-chart');
    if (!canvas || !window.Chart) return;
    const data = JSON.parse(canvas.dataset.chart);
    const type = { Bar: 'bar', Line: 'line', Pie: 'pie' }[data.kind] ?? 'bar';
    const palette = ['#2f5dab', '#d9822b', '#3a9d5d', '#b8404b', '#7b5ea7', '#5b8c99', '#a68b2c'];
    new Chart(canvas, {
        type,
        data: {
            labels: data.Categories,
            datasets: data.series.map((s, i) => ({
                label: s.Name,
                data: s.Values,
                backgroundColor: type === 'pie' ? data.Categories.map((_, j) => palette[j % palette.length]) : palette[i % palette.length],
                borderColor: type === 'line' ? palette[i % palette.length] : undefined,
            })),
        },
        options: { animation: false, plugins: { title: { display: true, text: data.Title } }, maintainAspectRatio: false },
    });
})();
