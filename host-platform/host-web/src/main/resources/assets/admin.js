// The admin area's one script (served by the bundle; the pages work without it): "/" focuses the global search
// box.
document.addEventListener('keydown', function (event) {
  var target = event.target;
  var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    var box = document.getElementById('global-search');
    if (box) {
      event.preventDefault();
      box.focus();
    }
  }
});
