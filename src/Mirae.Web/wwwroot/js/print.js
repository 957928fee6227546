// A button that prints the page (the receipt); without JavaScript the browser's own print command does the same.
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
